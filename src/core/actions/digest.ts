/**
 * The weekly digest of open and overdue actions, posted to the partnership's linked channels on a
 * set day and time (London time), and the personal reminders to owners of overdue actions. Which
 * week was sent, and where, is kept in the store: a restart resumes an interrupted round and never
 * repeats a finished one.
 */
import { makeAnswer, type Answer } from '../answers/answer.js';
import { londonDate, londonTimeToInstant } from '../text/london-time.js';
import type { Action, Partnership } from '../model/model.js';
import { ownerUserId } from './owner-links.js';
import { describeAction, isOverdue } from './describe-action.js';

export interface DigestSchedule {
  /** 0 = Sunday ... 6 = Saturday. */
  weekday: number;
  hour: number;
  minute: number;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export function parseDigestSchedule(day: string, time: string): DigestSchedule | string {
  const weekday = WEEKDAYS.indexOf(day.trim().toLowerCase());
  const t = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (weekday < 0) return `DIGEST_DAY must be a day of the week (e.g. monday), not "${day}"`;
  if (!t || Number(t[1]) > 23 || Number(t[2]) > 59) return `DIGEST_TIME must be a time such as 09:00, not "${time}"`;
  return { weekday, hour: Number(t[1]), minute: Number(t[2]) };
}

/** The latest digest time at or before now, as its London date (the week's key) and instant. */
export function latestDigestSlot(schedule: DigestSchedule, now: Date): { week: string; at: Date } {
  const today = londonDate(now);
  for (let back = 0; back <= 7; back++) {
    const [y, m, d] = today.split('-').map(Number) as [number, number, number];
    const day = new Date(Date.UTC(y, m - 1, d - back));
    if (day.getUTCDay() !== schedule.weekday) continue;
    const at = londonTimeToInstant(
      day.getUTCFullYear(),
      day.getUTCMonth() + 1,
      day.getUTCDate(),
      schedule.hour,
      schedule.minute,
    );
    if (at.getTime() <= now.getTime()) return { week: day.toISOString().slice(0, 10), at };
  }
  const fallback = new Date(now.getTime() - 7 * 86_400_000);
  return { week: londonDate(fallback), at: fallback };
}

export function digestAnswer(partnershipName: string, actions: readonly Action[], now: Date): Answer {
  const today = londonDate(now);
  const live = actions.filter((a) => a.status === 'open' || a.status === 'in progress');
  const overdue = live.filter((a) => isOverdue(a, today));
  return makeAnswer(
    'actions',
    `Weekly actions digest: ${partnershipName}`,
    `${live.length} open actions, ${overdue.length} overdue.`,
    {
      entries: [...overdue, ...live.filter((a) => !isOverdue(a, today))]
        .slice(0, 15)
        .map((a) => describeAction(a, today)),
      suggestions: ['overdue actions', 'open actions'],
    },
  );
}

/** Owners to remind personally: overdue actions grouped by the member who owns them. */
export function overdueByOwner(
  actions: readonly Action[],
  now: Date,
  partnership?: Partnership,
): Map<string, Action[]> {
  const today = londonDate(now);
  const byOwner = new Map<string, Action[]>();
  for (const action of actions) {
    // An owner named from the minutes is reached once the name is linked to a member (see owner-links.ts).
    const userId = ownerUserId(partnership, action.owner);
    if (!userId || !isOverdue(action, today)) continue;
    byOwner.set(userId, [...(byOwner.get(userId) ?? []), action]);
  }
  return byOwner;
}

export function overdueReminder(actions: readonly Action[], now: Date): Answer {
  const today = londonDate(now);
  return makeAnswer(
    'actions',
    'Your overdue actions',
    `You have ${actions.length} overdue action${actions.length === 1 ? '' : 's'}. Say "${actions[0]?.number ?? 1} done" or "action ${actions[0]?.number ?? 1} in progress" to update one.`,
    {
      entries: actions.map((a) => describeAction(a, today)),
    },
  );
}
