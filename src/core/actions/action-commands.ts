/**
 * The action tracker from chat: log one ("action: ... by ..."), list them ("my actions", "open
 * actions", "overdue actions", "actions for road safety", "actions from the March meeting",
 * "action 12"), and change status ("12 done", "action 12 in progress", "drop action 12").
 * Anyone may log actions and update their own; the chair and the secretariat may update or drop
 * anyone's. A redelivered Teams activity never logs the same action twice.
 */
import { formatDate } from '../answers/format.js';
import { makeAnswer, type Answer } from '../answers/answer.js';
import { readMeetingReference } from '../answers/meeting-reference.js';
import { topicPhrases } from '../answers/knowledge-base.js';
import type { CommandInput } from '../commands/command.js';
import type { Action, ActionStatus, Partnership } from '../model/model.js';
import { singleSpaced, words } from '../text/normalise.js';
import { PhraseMatcher } from '../text/phrase-matcher.js';
import { may, whoMay, type Actor } from '../model/permissions.js';
import { londonDate } from '../text/london-time.js';
import { responderId } from '../agendas/record-attendance.js';
import { runDraftCommand } from './draft-commands.js';
import { isActionLine, MAX_DESCRIPTION, readActionLine } from './read-action-line.js';
import { actionLinks, describeLinks } from './action-links.js';

/** The priority and meeting an action is linked to, as facts on its confirmation. */
export function linkFacts(partnership: Partnership, action: Action): { title: string; value: string }[] {
  const links = actionLinks(partnership, action);
  return [
    ...(links.priority ? [{ title: 'Priority', value: links.priority }] : []),
    ...(links.meeting ? [{ title: 'From', value: `${links.meeting}${links.item ? `, item ${links.item}` : ''}` }] : []),
  ];
}

/** The actions as the store holds them now. */
export interface ActionsView {
  all(): readonly Action[];
  get(number: number): Action | undefined;
  loggedBy(activityId: string): Action | undefined;
}

/** A list of actions to show as the tracker card; `view` is the message that lists them again. */
export interface ActionList {
  title: string;
  summary: string;
  actions: readonly Action[];
  view: string;
}

export interface ActionOutcome {
  answer?: Answer;
  list?: ActionList;
  /** A change to the partnership's records (a draft marked confirmed), saved after any new action. */
  change?: (partnership: Partnership) => void;
  /** Asks the edge for a signed export link; the answer is made from it. */
  exportLink?: (url: string, minutes: number) => Answer;
  /** A new action to save with the next number; the reply is made from what was saved. */
  /**
   * A new action. `once` is what makes logging it idempotent (the Teams activity, or the draft it
   * confirms): however often it arrives, even at the same moment, one action is logged.
   */
  add?: { make: (number: number) => Action; confirm: (saved: Action) => Answer; once?: string };
  /** A change to one action; the reply is made from what was saved. */
  update?: { number: number; next: (current: Action) => Action | null; confirm: (saved: Action) => Answer };
}

const STATUS =
  /^(?:action )?#?(\d{1,6}) (?:is |as )?(done|complete|completed|closed|in progress|started|open|reopen(?:ed)?|dropped|drop|cancelled) ?\.?$|^(?:mark|set) (?:action )?#?(\d{1,6}) (?:as )?(done|complete|in progress|open|dropped) ?\.?$|^(drop|reopen|close|complete) action #?(\d{1,6}) ?\.?$/i;
const ONE = /^(?:(?:show )?(?:the )?history of )?action #?(\d{1,6})(?:'s history| history)? ?\??$/i;
/** "what actions does Shafick have?", "Shafick's actions": read as "actions for Shafick". */
const PERSON_ACTIONS =
  /^(?:what|which) actions (?:does|do|has|have|is|are) (.{1,80}?) (?:have|got|own|hold|doing|working on)(?: open| outstanding)? ?\??$|^(?:show |list )?([^']{1,80})'s (?:open )?actions ?\??$/i;
const EXPORT = /^(?:export|download) (?:the |all )?actions?(?: (?:as|to) (?:csv|excel|a spreadsheet))? ?\.?$/i;
const LIST =
  /^(?:(?:show|list|what are|which are) (?:me )?(?:the )?)?(my|open|overdue|all|outstanding)? ?actions\b(.*)$/i;
const LOGGED_BY_ME =
  /^(?:(?:show|list) (?:me )?(?:the )?)?actions (?:i(?: have|'ve)? logged|logged by me|i(?: have|'ve)? (?:set|raised|created))\??$/i;

function statusOf(word: string): ActionStatus {
  const w = word.toLowerCase();
  if (/^(done|complete|completed|closed)$/.test(w)) return 'done';
  if (/^(in progress|started)$/.test(w)) return 'in progress';
  if (/^(dropped|drop|cancelled)$/.test(w)) return 'dropped';
  return 'open';
}

export function isOverdue(action: Action, today: string): boolean {
  return (
    action.due !== undefined && action.due < today && (action.status === 'open' || action.status === 'in progress')
  );
}

function ownedBy(action: Action, actor: Actor): boolean {
  if (action.owner.userId !== undefined) return actor.ids.includes(action.owner.userId);
  return action.owner.name.toLowerCase() === actor.name.toLowerCase();
}

/** Owner or logger, by Teams or Azure AD id only: anyone can take a display name. */
function isMine(action: Action, actor: Actor): boolean {
  return (
    (action.owner.userId !== undefined && actor.ids.includes(action.owner.userId)) ||
    actor.ids.includes(action.createdBy.id)
  );
}

/** `partnership`, when given, names what the action is linked to (its priority, its meeting). */
export function describeAction(
  action: Action,
  today: string,
  partnership?: Partnership,
): { heading: string; text: string } {
  const due = action.due ? `due ${formatDate(action.due)}` : 'no due date';
  const links = describeLinks(actionLinks(partnership, action));
  return {
    heading: `#${action.number} ${action.owner.name}: ${action.description}`,
    text: `${due} · ${action.status}${isOverdue(action, today) ? ' · OVERDUE' : ''}${links}`,
  };
}

function listOf(title: string, actions: readonly Action[], today: string, empty: string, view: string): ActionOutcome {
  if (actions.length === 0) return { answer: makeAnswer('actions', title, empty) };
  const overdue = actions.filter((a) => isOverdue(a, today)).length;
  return {
    list: {
      title,
      summary: `${actions.length} action${actions.length === 1 ? '' : 's'}${overdue > 0 ? `, ${overdue} overdue` : ''}:`,
      actions,
      view,
    },
  };
}

/** `passUnknown`: a name that owns nothing logged gives null, so the answer engine reads the actions the minutes record. */
function listActions(
  partnership: Partnership,
  actions: ActionsView,
  input: CommandInput,
  which: string,
  rest: string,
  passUnknown = false,
): ActionOutcome | null {
  const today = londonDate(input.now);
  const view = input.text.trim();
  const live = actions.all().filter((a) => a.status === 'open' || a.status === 'in progress');
  // Actions the member owns (by id, or by the name they go by where the action names no Teams user); "actions I logged" lists the rest.
  if (which === 'my')
    return listOf(
      'My actions',
      live.filter((a) => ownedBy(a, input.actor)),
      today,
      'You own no open actions. Say "actions I logged" for those you logged for others.',
      view,
    );
  if (which === 'overdue')
    return listOf(
      'Overdue actions',
      live.filter((a) => isOverdue(a, today)),
      today,
      'No action is overdue.',
      view,
    );
  const forText = /\bfor (.+)$/i.exec(rest)?.[1];
  if (forText) {
    const [topic] = new PhraseMatcher(topicPhrases(partnership), () => true).findTargets(words(forText));
    if (!topic) {
      const owned = ownedByName(live, forText);
      if (owned.length > 0) return listOf(`Actions for ${forText}`, owned, today, '', view);
      if (passUnknown) return null;
      return {
        answer: makeAnswer(
          'actions',
          'Actions',
          `"${forText}" is not one of the partnership's priorities, nor the owner of an open action.`,
        ),
      };
    }
    return listOf(
      `Actions for ${forText}`,
      actions.all().filter((a) => a.priorityId === topic.id),
      today,
      `No action is linked to ${forText}.`,
      view,
    );
  }
  const dueWithin = /\bdue (this|next) (week|month)\b/i.exec(rest);
  if (dueWithin) {
    const [from, to] = periodOf(today, dueWithin[1]?.toLowerCase() === 'next', dueWithin[2]?.toLowerCase() === 'month');
    const label = `due ${dueWithin[1]?.toLowerCase()} ${dueWithin[2]?.toLowerCase()}`;
    return listOf(
      `Actions ${label}`,
      live.filter((a) => a.due !== undefined && a.due >= from && a.due <= to),
      today,
      `No open action is ${label}.`,
      view,
    );
  }
  const fromText = /\bfrom (.+)$/i.exec(rest)?.[1];
  if (fromText) {
    const ref = readMeetingReference(fromText, input.now);
    const ids = new Set(
      partnership.meetings
        .filter((m) =>
          ref?.kind === 'month'
            ? Number(m.date?.slice(5, 7)) === ref.month
            : ref?.kind === 'date'
              ? m.date === ref.date
              : true,
        )
        .map((m) => m.id),
    );
    return listOf(
      `Actions from ${fromText}`,
      actions.all().filter((a) => a.meeting && ids.has(a.meeting.meetingId)),
      today,
      `No action is linked to ${fromText}.`,
      view,
    );
  }
  return listOf(
    which === 'all' ? 'All actions' : 'Open actions',
    which === 'all' ? actions.all() : live,
    today,
    'There are no open actions.',
    view,
  );
}

/** Open actions whose owner goes by every word typed ("Shafick", "Mr Peerbux", "Sarah Jones"). */
function ownedByName(live: readonly Action[], typed: string): Action[] {
  const asked = words(typed).filter((w) => !['mr', 'mrs', 'ms', 'dr', 'cllr', 'the'].includes(w));
  return asked.length === 0 ? [] : live.filter((a) => asked.every((w) => words(a.owner.name).includes(w)));
}

/** The first and last day (ISO) of this or next week (Monday to Sunday) or month, from `today`. */
function periodOf(today: string, next: boolean, month: boolean): [string, string] {
  const date = new Date(`${today}T12:00:00Z`);
  if (month) {
    const start = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + (next ? 1 : 0), 1, 12));
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0, 12));
    return [start.toISOString().slice(0, 10), end.toISOString().slice(0, 10)];
  }
  const monday = new Date(date);
  monday.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7) + (next ? 7 : 0));
  const sunday = new Date(monday);
  sunday.setUTCDate(monday.getUTCDate() + 6);
  return [monday.toISOString().slice(0, 10), sunday.toISOString().slice(0, 10)];
}

/** The action, if the member may change it; otherwise why not. */
function changeable(
  partnership: Partnership,
  actions: ActionsView,
  input: CommandInput,
  number: number,
): Action | ActionOutcome {
  const action = actions.get(number);
  if (!action)
    return {
      answer: makeAnswer('invalid', 'No such action', `There is no action ${number}. Say "open actions" to see them.`),
    };
  if (!isMine(action, input.actor) && !may(partnership, input.actor, 'update-actions')) {
    return {
      answer: makeAnswer(
        'refused',
        'Not your action',
        `Sorry, ${input.actor.name}: action ${number} is ${action.owner.name}'s. Only its owner, or ${whoMay('update-actions')}, can change it.`,
      ),
    };
  }
  return action;
}

export function changeStatus(
  partnership: Partnership,
  actions: ActionsView,
  input: CommandInput,
  number: number,
  status: ActionStatus,
  undo = false,
): ActionOutcome {
  const action = changeable(partnership, actions, input, number);
  if (!('number' in action)) return action;
  if (action.status === status)
    return { answer: makeAnswer('invalid', 'No change', `Action ${number} is already ${status}.`) };
  const at = input.now.toISOString();
  const today = londonDate(input.now);
  return {
    update: {
      number,
      next: (current) => ({
        ...current,
        status,
        history: [
          ...current.history,
          {
            at,
            by: { id: input.actor.id, name: input.actor.name },
            change: 'status',
            from: current.status,
            to: status,
          },
        ],
      }),
      confirm: (saved) =>
        makeAnswer(
          'actions',
          `Action ${saved.number}`,
          undo ? `Undone: action ${saved.number} is dropped.` : `Action ${saved.number} is now ${saved.status}.`,
          { entries: [describeAction(saved, today)] },
        ),
    },
  };
}

/** A new description or due date from the confirmation card's Edit. */
export function editAction(
  partnership: Partnership,
  actions: ActionsView,
  input: CommandInput,
  number: number,
  fields: { description?: unknown; due?: unknown },
): ActionOutcome {
  const action = changeable(partnership, actions, input, number);
  if (!('number' in action)) return action;
  const description = typeof fields.description === 'string' ? fields.description.trim() : undefined;
  const due = typeof fields.due === 'string' ? fields.due.trim() : undefined;
  if (description !== undefined && (description === '' || description.length > MAX_DESCRIPTION)) {
    return {
      answer: makeAnswer(
        'invalid',
        'Not changed',
        `Say what is to be done, in under ${MAX_DESCRIPTION} characters. Nothing was changed.`,
      ),
    };
  }
  if (due && (!/^\d{4}-\d{2}-\d{2}$/.test(due) || due < londonDate(input.now)))
    return {
      answer: makeAnswer('invalid', 'Not changed', 'The due date must be a date still to come. Nothing was changed.'),
    };
  const at = input.now.toISOString();
  const today = londonDate(input.now);
  return {
    update: {
      number,
      next: (current) => {
        const { due: _old, ...rest } = current;
        const changed = {
          ...rest,
          ...(description ? { description } : {}),
          ...(due ? { due } : due === '' ? {} : current.due ? { due: current.due } : {}),
        };
        return {
          ...changed,
          history: [
            ...current.history,
            { at, by: { id: input.actor.id, name: input.actor.name }, change: 'edited' as const },
          ],
        };
      },
      confirm: (saved) =>
        makeAnswer('actions', `Action ${saved.number}`, `Action ${saved.number} updated.`, {
          entries: [describeAction(saved, today)],
        }),
    },
  };
}

export function runActionCommand(
  partnership: Partnership,
  actions: ActionsView,
  input: CommandInput & { activityId?: string },
): ActionOutcome | null {
  const { now } = input;
  const text = singleSpaced(input.text);
  const today = londonDate(now);
  const draftCommand = runDraftCommand(partnership, actions, input);
  if (draftCommand) return draftCommand;
  const status = STATUS.exec(text);
  if (status) {
    const number = Number(status[1] ?? status[3] ?? status[6]);
    return changeStatus(partnership, actions, input, number, statusOf(status[2] ?? status[4] ?? status[5] ?? 'open'));
  }
  if (EXPORT.test(text)) {
    const count = actions.all().length;
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
  const one = ONE.exec(text);
  if (one) {
    const action = actions.get(Number(one[1]));
    if (!action) return { answer: makeAnswer('invalid', 'No such action', `There is no action ${one[1]}.`) };
    const history = action.history
      .map((h) => `${h.at.slice(0, 10)} ${h.change}${h.to ? ` to ${h.to}` : ''} by ${h.by.name}`)
      .join('; ');
    return {
      list: { title: `Action ${action.number}`, summary: `History: ${history}.`, actions: [action], view: text.trim() },
    };
  }
  if (LOGGED_BY_ME.test(text)) {
    const logged = actions
      .all()
      .filter((a) => input.actor.ids.includes(a.createdBy.id) && (a.status === 'open' || a.status === 'in progress'));
    return listOf('Actions I logged', logged, today, 'You have logged no open actions.', text.trim());
  }
  const person = PERSON_ACTIONS.exec(text);
  if (person) return listActions(partnership, actions, input, 'open', ` for ${person[1] ?? person[2] ?? ''}`, true);
  const list = LIST.exec(text);
  if (list && (list[1] || /^ ?(for|from|due)\b|^ ?\??$/i.test(list[2] ?? '')))
    return listActions(
      partnership,
      actions,
      input,
      (list[1] ?? 'open').toLowerCase().replace('outstanding', 'open'),
      list[2] ?? '',
    );
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
  const { dueNote, ...draft } = read;
  const at = now.toISOString();
  const by = { id: input.actor.id, name: input.actor.name };
  return {
    add: {
      ...(input.activityId ? { once: input.activityId } : {}),
      make: (number) => ({
        id: `${partnership.id}#${number}`,
        partnershipId: partnership.id,
        number,
        ...draft,
        status: 'open',
        createdBy: by,
        createdAt: at,
        ...(input.activityId ? { sourceActivityId: input.activityId } : {}),
        history: [{ at, by, change: 'created' }],
      }),
      confirm: (saved) =>
        makeAnswer(
          'actions',
          `Action ${saved.number} logged`,
          `Action ${saved.number} logged: ${saved.owner.name} to ${saved.description}, ${saved.due ? `due ${formatDate(saved.due)}` : 'no due date'}.${dueNote ? ` ${dueNote}` : ''}`,
          {
            facts: linkFacts(partnership, saved),
            suggestions: [`action ${saved.number} dropped`, 'open actions'],
          },
        ),
    },
  };
}
