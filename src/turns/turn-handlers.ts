/**
 * The one ordered table every turn goes through. A card press goes to the handler listing its verb;
 * a message to the first handler whose match takes it, in this order: what needs no partnership
 * (minutes files, the directory's commands), then forms, actions, the partnership's commands, help,
 * and questions last. The help card and the Teams command menu are generated from the same rows.
 */
import { runActionCommand } from '../core/actions/action-commands.js';
import { isFormRequest } from '../core/agendas/agenda-form.js';
import { CARD_VERBS } from '../core/card-verbs.js';
import { isChannelLinkCommand } from '../core/channels/link-channel.js';
import { runCommand } from './record-commands.js';
import { partnershipCommand } from '../core/partnerships/partnership-commands.js';
import { OPEN_LEAD_FORM } from '../core/priorities/lead-form.js';
import { pressActionCard } from './action-card-turns.js';
import { isActionFormRequest, openActionForm, runActionTurn } from './action-turns.js';
import { answerAgendaCard } from './agenda-card-turns.js';
import { openAgendaForm, pressAgendaForm } from './agenda-form-turns.js';
import { runPartnershipCommand, runRecordCommand } from './command-turns.js';
import { HELP_REQUEST } from './help-request.js';
import { openLeadForm, saveLeadForm } from './lead-form-turns.js';
import { pressImportButton } from './minutes-file-import.js';
import { previewMinutesFiles } from './minutes-file-preview.js';
import { answerHelpFor, answerQuestion } from './question-turns.js';
import type { HelpLine, TurnHandler } from './turn-handler.js';

const now =
  <T>(value: T) =>
  () =>
    Promise.resolve(value);

const ACTION_HELP: readonly HelpLine[] = [
  {
    who: 'members',
    topic: 'Log an action',
    example: 'action: Jane Smith to circulate the report by Friday',
    pressable: false,
  },
  { who: 'members', topic: 'Your actions', example: 'my actions', pressable: true },
  { who: 'members', topic: 'The tracker', example: 'open actions', pressable: true },
  {
    who: 'manage-actions',
    topic: 'Owners named in the minutes',
    example: 'link owner <name> to @person',
    pressable: false,
  },
];

const RECORD_HELP: readonly HelpLine[] = [
  { who: 'members', topic: 'Your role', example: 'what is my role?', pressable: true },
  { who: 'members', topic: 'Undo your last change', example: 'undo', pressable: false },
  { who: 'manage-agendas', topic: 'Replies to the agenda', example: "who hasn't answered?", pressable: true },
  {
    who: 'manage-agendas',
    topic: 'Reminding those who have not answered',
    example: "remind those who haven't answered",
    pressable: false,
  },
  {
    who: 'record-resolutions',
    topic: 'Record a resolution',
    example: 'resolved B3 on 21 March 2023: <what was resolved>',
    pressable: false,
  },
  { who: 'grant-roles', topic: 'Roles', example: 'make @name secretariat', pressable: false },
];

export const TURN_HANDLERS: readonly TurnHandler[] = [
  {
    name: 'minutes-files',
    needs: 'nothing',
    verbs: CARD_VERBS.minutesImport,
    help: [
      {
        who: 'record-resolutions',
        topic: 'Import minutes',
        example: 'Send me the minutes as a PDF, Word or web page file',
        pressable: false,
      },
    ],
    match: (turn, services) => {
      const { pendingImports: pending, download } = services;
      if (!pending || !download) return null;
      if (turn.card) return () => pressImportButton(turn.card!, turn, services, pending);
      return turn.files.length > 0 ? () => previewMinutesFiles(turn, services, pending, download) : null;
    },
  },
  {
    name: 'partnerships',
    needs: 'nothing',
    help: [{ who: 'manage-partnerships', topic: 'Partnerships', example: 'list partnerships', pressable: true }],
    match: (turn, services) => {
      if (turn.card || turn.input.text.trim() === '') return null;
      const first = partnershipCommand(services.records.directory(), turn.input);
      return first ? () => runPartnershipCommand(first, turn, services) : null;
    },
  },
  {
    name: 'agenda-card',
    needs: 'membership',
    verbs: CARD_VERBS.agenda,
    match: (turn, services, { partnership }) =>
      turn.card ? () => answerAgendaCard(partnership, turn.card!, turn, services) : null,
  },
  {
    name: 'agenda-form',
    needs: 'membership',
    verbs: CARD_VERBS.agendaForm,
    help: [{ who: 'manage-agendas', topic: 'Agendas', example: 'new agenda', pressable: true }],
    menu: [
      {
        scopes: ['team', 'groupChat'],
        title: 'New agenda',
        description: "Chair and secretariat: build the next meeting's agenda",
      },
    ],
    match: (turn, services, { partnership }) => {
      if (turn.card) return () => pressAgendaForm(partnership, turn.card!, turn, services);
      return isFormRequest(turn.input.text) ? now(openAgendaForm(partnership, turn)) : null;
    },
  },
  {
    name: 'lead-form',
    needs: 'membership',
    verbs: CARD_VERBS.leadForm,
    help: [{ who: 'manage-priorities', topic: 'Priority leads', example: 'set lead', pressable: true }],
    match: (turn, services, { partnership }) => {
      if (turn.card) return () => saveLeadForm(partnership, turn.card!, turn, services);
      return OPEN_LEAD_FORM.test(turn.input.text) ? now(openLeadForm(partnership, turn)) : null;
    },
  },
  {
    name: 'actions',
    needs: 'membership',
    verbs: CARD_VERBS.actions,
    help: ACTION_HELP,
    menu: [
      { scopes: ['personal'], title: 'My actions', description: 'Your open actions, with due dates' },
      { scopes: ['personal'], title: 'Log action', description: 'Log an action: action: <owner> to <what> by <date>' },
      {
        scopes: ['team', 'groupChat'],
        title: 'Open actions',
        description: "The partnership's open actions, with owners and due dates",
      },
      { scopes: ['team', 'groupChat'], title: 'Overdue actions', description: 'Actions past their due date' },
    ],
    match: (turn, services, { partnership }) => {
      const { actions } = services;
      if (!actions) return null;
      if (turn.card) return () => pressActionCard(partnership, turn.card!, turn, actions);
      if (isActionFormRequest(turn)) return now(openActionForm(partnership));
      const outcome = runActionCommand(partnership, actions.view(partnership.id), turn.input);
      return outcome ? () => runActionTurn(partnership, outcome, turn, { ...services, actions }) : null;
    },
  },
  {
    // Anyone in the channel may ask to link it: the command checks who may.
    name: 'link-channel',
    needs: 'partnership',
    help: [{ who: 'link-channels', topic: 'Channels', example: 'link this channel', pressable: false }],
    menu: [
      {
        scopes: ['team', 'groupChat'],
        title: 'Link this channel',
        description: 'Chair and secretariat: post agendas and digests in this channel',
      },
    ],
    match: (turn, services, { partnership }) => {
      if (turn.card || !isChannelLinkCommand(turn.input.text)) return null;
      const first = runCommand(partnership, turn.input);
      return first ? () => runRecordCommand(partnership, first, turn, services) : null;
    },
  },
  {
    name: 'records',
    needs: 'membership',
    help: RECORD_HELP,
    match: (turn, services, { partnership }) => {
      if (turn.card) return null;
      const first = runCommand(partnership, turn.input);
      return first ? () => runRecordCommand(partnership, first, turn, services) : null;
    },
  },
  {
    name: 'help',
    needs: 'partnership',
    menu: [
      {
        scopes: ['personal', 'team', 'groupChat'],
        title: 'Help',
        description: 'What you can ask and do here, with examples',
      },
    ],
    match: (turn, _services, scope) =>
      !turn.card && HELP_REQUEST.test(turn.input.text) ? now(answerHelpFor(turn, scope, helpLines())) : null,
  },
  {
    name: 'questions',
    needs: 'partnership',
    menu: [
      {
        scopes: ['personal', 'team', 'groupChat'],
        title: 'Current priorities',
        description: "The partnership's priorities this year and its cross-cutting theme",
      },
      { scopes: ['personal'], title: 'Who leads road safety?', description: 'Who leads a priority, and on what basis' },
      {
        scopes: ['personal', 'team', 'groupChat'],
        title: 'Recent resolutions',
        description: 'What the last meeting resolved, item by item',
      },
      {
        scopes: ['personal'],
        title: 'When is the next meeting?',
        description: 'Date, time, venue and agenda of the next meeting',
      },
    ],
    match: (turn, services, scope) => (turn.card ? null : now(answerQuestion(turn, services, scope))),
  },
];

function helpLines(): HelpLine[] {
  return TURN_HANDLERS.flatMap((h) => h.help ?? []);
}
