/**
 * Reading the tracker from chat: "my actions", "open actions", "overdue actions", "actions for road
 * safety", "actions from the March meeting", "actions due this week", "what actions does Shafick
 * have?", "actions I logged", and one action with its history ("action 12", "history of action 2").
 */
import { makeAnswer } from '../answers/answer.js';
import { readMeetingReference } from '../answers/meeting-reference.js';
import { topicPhrases } from '../answers/knowledge-base.js';
import type { CommandInput } from '../commands/command.js';
import type { Action, Partnership } from '../model/model.js';
import { words } from '../text/normalise.js';
import { PhraseMatcher } from '../text/phrase-matcher.js';
import type { Actor } from '../model/permissions.js';
import { londonDate } from '../text/london-time.js';
import type { ActionOutcome, ActionsView } from './action-outcome.js';
import { isOverdue } from './describe-action.js';
import { isWithdrawn, listedView } from './withdrawn.js';
import { ownerUserId } from './owner-links.js';

const ONE = /^(?:(?:show )?(?:the )?history of )?action #?(\d{1,6})(?:'s history| history)? ?\??$/i;
/** "what actions does Shafick have?", "Shafick's actions": read as "actions for Shafick". */
const PERSON_ACTIONS =
  /^(?:what|which) actions (?:does|do|has|have|is|are) (.{1,80}?) (?:have|got|own|hold|doing|working on)(?: open| outstanding)? ?\??$|^(?:show |list )?([^']{1,80})'s (?:open )?actions ?\??$/i;
const LIST =
  /^(?:(?:show|list|what are|which are) (?:me )?(?:the )?)?(my|open|overdue|all|outstanding)? ?actions\b(.*)$/i;
const LOGGED_BY_ME =
  /^(?:(?:show|list) (?:me )?(?:the )?)?actions (?:i(?: have|'ve)? logged|logged by me|i(?: have|'ve)? (?:set|raised|created))\??$/i;

/** The list or the one action the message asks for, or null when it asks for none. `text` is single-spaced. */
export function runListCommand(
  partnership: Partnership,
  stored: ActionsView,
  input: CommandInput,
  text: string,
): ActionOutcome | null {
  const actions = listedView(stored);
  const today = londonDate(input.now);
  const one = ONE.exec(text);
  if (one) {
    const action = stored.get(Number(one[1]));
    if (!action) return { answer: makeAnswer('invalid', 'No such action', `There is no action ${one[1]}.`) };
    if (isWithdrawn(action))
      return {
        answer: makeAnswer(
          'actions',
          `Action ${action.number}`,
          `Action ${action.number}'s logging was undone by ${action.history.at(-1)?.by.name ?? 'its logger'}, so it is not in the tracker.`,
        ),
      };
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
  return null;
}

function ownedBy(partnership: Partnership, action: Action, actor: Actor): boolean {
  const userId = ownerUserId(partnership, action.owner);
  if (userId !== undefined) return actor.ids.includes(userId);
  return action.owner.name.toLowerCase() === actor.name.toLowerCase();
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
      live.filter((a) => ownedBy(partnership, a, input.actor)),
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
