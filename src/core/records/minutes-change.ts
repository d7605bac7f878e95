/**
 * What a minutes import changes, kept in the change log so that it can be shown and undone like
 * any other change: only the meetings, people and draft actions it touched, each with its value
 * before (or null: it did not exist) and after (null: it went, e.g. a person merged into another).
 */
import type { DraftAction, Meeting, Partnership, Person } from '../model/model.js';

export interface MinutesRecordsValue {
  meetings: Record<string, Meeting | null>;
  people: Record<string, Person | null>;
  draftActions: Record<string, DraftAction | null>;
}

type Keyed = { id: string };

/** Replaced records keep their place; new ones go last. */
function replaceById<T extends Keyed>(list: readonly T[], values: Record<string, T | null>): T[] {
  const known = new Set(list.map((x) => x.id));
  const replaced = list
    .map((x) => (Object.hasOwn(values, x.id) ? values[x.id] : x))
    .filter((x): x is T => x !== null && x !== undefined);
  const added = Object.entries(values).flatMap(([id, value]) => (!known.has(id) && value ? [value] : []));
  return [...replaced, ...added];
}

/** The minutes importer's order: by date (a month-only plan by its month), undated last. */
function byDate(meetings: Meeting[]): Meeting[] {
  const key = (m: Meeting): string => `${m.date ?? m.month ?? '~'} ${m.id}`;
  return [...meetings].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * Sets each record named in `value` to its value there (null removes it). The lists are read from
 * `current`, the partnership as it stands, where the change has one (see PartnershipRecords).
 */
export function applyMinutesValue(
  target: Partnership,
  value: MinutesRecordsValue,
  current: Readonly<Partnership> = target,
): void {
  target.meetings = byDate(replaceById(current.meetings, value.meetings));
  target.people = replaceById(current.people, value.people);
  target.draftActions = replaceById(current.draftActions, value.draftActions);
}

function diffList<T extends Keyed>(
  before: readonly T[],
  after: readonly T[],
): { before: Record<string, T | null>; after: Record<string, T | null> } {
  const old = new Map(before.map((x) => [x.id, x]));
  const next = new Map(after.map((x) => [x.id, x]));
  const was: Record<string, T | null> = {};
  const now: Record<string, T | null> = {};
  for (const id of new Set([...old.keys(), ...next.keys()])) {
    const a = old.get(id) ?? null;
    const b = next.get(id) ?? null;
    if (a === b || JSON.stringify(a) === JSON.stringify(b)) continue;
    was[id] = a;
    now[id] = b;
  }
  return { before: was, after: now };
}

/** The records that differ between two states of a partnership's minutes, as before and after values. */
export function diffMinutesRecords(
  before: Pick<Partnership, 'meetings' | 'people' | 'draftActions'>,
  after: Pick<Partnership, 'meetings' | 'people' | 'draftActions'>,
): { before: MinutesRecordsValue; after: MinutesRecordsValue; changed: boolean } {
  const meetings = diffList(before.meetings, after.meetings);
  const people = diffList(before.people, after.people);
  const draftActions = diffList(before.draftActions, after.draftActions);
  const changed = [meetings, people, draftActions].some((d) => Object.keys(d.after).length > 0);
  return {
    before: { meetings: meetings.before, people: people.before, draftActions: draftActions.before },
    after: { meetings: meetings.after, people: people.after, draftActions: draftActions.after },
    changed,
  };
}
