/**
 * The action tracker from chat: log one ("action: ... by ..."), list them (list-actions.ts), change
 * status (change-action.ts), confirm the importer's drafts (draft-commands.ts) and export them.
 * Anyone may log actions and update their own; the chair and the secretariat may update or drop
 * anyone's. A redelivered Teams activity never logs the same action twice.
 */
import { formatDate } from '../answers/format.js';
import { makeAnswer } from '../answers/answer.js';
import type { CommandInput } from '../commands/command.js';
import { singleSpaced } from '../text/normalise.js';
import type { Partnership } from '../model/model.js';
import { responderId } from '../agendas/record-attendance.js';
import { runDraftCommand } from './draft-commands.js';
import { isActionLine, readActionLine } from './read-action-line.js';
import type { ActionOutcome, ActionsView } from './action-outcome.js';
import { linkFacts } from './describe-action.js';
import { runListCommand } from './list-actions.js';
import { runStatusCommand } from './change-action.js';
import { listedActions } from './withdrawn.js';
import { ownerUserId, runOwnerLinkCommand, unreachableNote, withOwnerNote } from './owner-links.js';
import { undoActionChange } from './undo-action-change.js';
import { newAction } from './new-action.js';

// Where the tracker's parts used to live: the edge and the views import them from here.
export type { ActionList, ActionOutcome, ActionsView } from './action-outcome.js';
export { describeAction, isOverdue, linkFacts } from './describe-action.js';
export { changeStatus, editAction } from './change-action.js';

const EXPORT = /^(?:export|download) (?:the |all )?actions?(?: (?:as|to) (?:csv|excel|a spreadsheet))? ?\.?$/i;

export function runActionCommand(
  partnership: Partnership,
  actions: ActionsView,
  input: CommandInput & { activityId?: string },
): ActionOutcome | null {
  const { now } = input;
  const text = singleSpaced(input.text);
  const undone = undoActionChange(partnership, actions, input);
  if (undone) return undone;
  const draftCommand = runDraftCommand(partnership, actions, input);
  if (draftCommand) return draftCommand;
  const status = runStatusCommand(partnership, actions, input, text);
  if (status) return status;
  if (EXPORT.test(text)) {
    const count = listedActions(actions.all()).length;
    return {
      exportLink: (url, minutes) =>
        makeAnswer(
          'export',
          'Actions export',
          `The export of all ${count} actions (CSV, one row per action with its history) is ready. The link works for ${minutes} minutes.`,
          {
            link: { label: 'Download the CSV', url },
          },
        ),
    };
  }
  const link = runOwnerLinkCommand(partnership, actions, input);
  if (link) return link;
  const listed = runListCommand(partnership, actions, input, text);
  if (listed) return withOwnerNote(partnership, listed);
  if (!isActionLine(text)) return null;
  const earlier = input.activityId ? actions.loggedBy(input.activityId) : undefined;
  if (earlier)
    return {
      answer: makeAnswer(
        'actions',
        `Action ${earlier.number}`,
        `Action ${earlier.number} is logged: ${earlier.owner.name} to ${earlier.description}.`,
      ),
    };
  // The member's Teams id where the channel gives one: an owner is nudged in Teams by it.
  const self = { id: responderId(input.actor), name: input.actor.name };
  const read = readActionLine(partnership, text, input.mentions, now, self);
  if ('problem' in read) return { answer: makeAnswer('invalid', 'Action not logged', read.problem) };
  const { dueNote, ...fromLine } = read;
  // An owner named from the records whose name is linked to a member is that member.
  const linked = ownerUserId(partnership, fromLine.owner);
  const draft = linked ? { ...fromLine, owner: { ...fromLine.owner, userId: linked } } : fromLine;
  const unreachable = linked ? '' : ` ${unreachableNote([draft.owner.name])}`;
  return {
    add: {
      ...(input.activityId ? { once: input.activityId } : {}),
      make: (number) =>
        newAction(partnership.id, number, draft, {
          input,
          ...(input.activityId ? { activityId: input.activityId } : {}),
        }),
      confirm: (saved) =>
        makeAnswer(
          'actions',
          `Action ${saved.number} logged`,
          `Action ${saved.number} logged: ${saved.owner.name} to ${saved.description}, ${saved.due ? `due ${formatDate(saved.due)}` : 'no due date'}.${dueNote ? ` ${dueNote}` : ''}${unreachable}`,
          {
            facts: linkFacts(partnership, saved),
            suggestions: [`action ${saved.number} dropped`, 'open actions'],
          },
        ),
    },
  };
}
