/**
 * Adds one parsed document to the stored meetings and people, without mutating either. The same
 * meeting from two layouts becomes one; an undated agenda-item page joins a dated item only when its
 * minutes are the same text, whichever arrives first; a held meeting replaces the plan for its date
 * (or month); importing the same file again changes nothing. The report says what happened.
 */
import type { Meeting, MeetingItem, Person } from '../model/model.js';
import { haveSameMinutes } from './item-fingerprint.js';
import { absorbItem, addItemToMeeting, unionIds, unionSources } from './merge-items.js';
import { mergePeople } from './merge-people.js';
import type { ParsedDocument } from './parsed-document.js';

export interface ImportReport {
  file: string;
  added: string[];
  merged: string[];
  skipped: string[];
  warnings: string[];
}

export interface MinutesRecords {
  meetings: Meeting[];
  people: Person[];
}

function changed(before: unknown, after: unknown): boolean {
  return JSON.stringify(before) !== JSON.stringify(after);
}

function renamePeople(meeting: Meeting, ids: ReadonlyMap<string, string>): Meeting {
  if (ids.size === 0) return meeting;
  const rename = (id: string): string => ids.get(id) ?? id;
  const renameAll = (list: readonly string[]): string[] => unionIds([], list.map(rename));
  return {
    ...meeting,
    ...(meeting.chairId ? { chairId: rename(meeting.chairId) } : {}),
    ...(meeting.viceChairId ? { viceChairId: rename(meeting.viceChairId) } : {}),
    present: renameAll(meeting.present),
    apologies: renameAll(meeting.apologies),
    items: meeting.items.map((item) => ({ ...item, presenters: renameAll(item.presenters) })),
  };
}

/** One meeting record from two accounts of it: stored facts win, gaps are filled, items matched. */
function mergeMeetingRecords(stored: Meeting, incoming: Meeting, report: ImportReport): Meeting {
  let merged: Meeting = {
    ...incoming,
    ...stored,
    present: unionIds(stored.present, incoming.present),
    apologies: unionIds(stored.apologies, incoming.apologies),
    sources: unionSources(stored.sources, incoming.sources),
  };
  for (const item of incoming.items) {
    const before = merged;
    const { meeting, matched } = addItemToMeeting(merged, item);
    merged = meeting;
    const label = `item ${merged.id}/${matched?.id ?? item.id}`;
    if (!matched) report.added.push(label);
    else (changed(before, merged) ? report.merged : report.skipped).push(label);
  }
  return merged;
}

/** `host` with its item of the same minutes as `item` taking in its sources; undefined when it has none. */
function absorbBySameMinutes(host: Meeting, item: MeetingItem): Meeting | undefined {
  if (!host.items.some((existing) => haveSameMinutes(existing, item))) return undefined;
  return {
    ...host,
    items: host.items.map((existing) => (haveSameMinutes(existing, item) ? absorbItem(existing, item) : existing)),
  };
}

function mergeUndatedMeeting(meetings: Meeting[], incoming: Meeting, report: ImportReport): Meeting[] {
  const remaining: MeetingItem[] = [];
  let result = meetings;
  for (const item of incoming.items) {
    const host = result.find(
      (m) => m.status !== 'undated' && m.items.some((existing) => haveSameMinutes(existing, item)),
    );
    const updated = host && absorbBySameMinutes(host, item);
    if (!host || !updated) {
      remaining.push(item);
      continue;
    }
    const label = `item ${host.id}/${host.items.find((i) => haveSameMinutes(i, item))?.id ?? ''}`;
    (changed(host, updated) ? report.merged : report.skipped).push(label);
    result = result.map((m) => (m === host ? updated : m));
  }
  if (remaining.length === 0) return result;
  const rest = { ...incoming, items: remaining };
  const stored = result.find((m) => m.id === rest.id);
  if (!stored) {
    report.added.push(`meeting ${rest.id}`);
    return [...result, rest];
  }
  const merged = mergeMeetingRecords(stored, rest, report);
  (changed(stored, merged) ? report.merged : report.skipped).push(`meeting ${rest.id}`);
  return result.map((m) => (m === stored ? merged : m));
}

/** Undated placeholders whose minutes belong to `held` are folded into it and removed. */
function absorbUndatedPlaceholders(
  meetings: Meeting[],
  held: Meeting,
  report: ImportReport,
): { meetings: Meeting[]; held: Meeting } {
  let host = held;
  const kept: Meeting[] = [];
  for (const meeting of meetings) {
    if (meeting.status !== 'undated') {
      kept.push(meeting);
      continue;
    }
    const leftOver = meeting.items.filter((item) => {
      const updated = absorbBySameMinutes(host, item);
      if (updated) host = updated;
      return !updated;
    });
    if (leftOver.length < meeting.items.length) report.merged.push(`meeting ${meeting.id} into ${held.id}`);
    if (leftOver.length > 0) kept.push({ ...meeting, items: leftOver });
  }
  return { meetings: kept, held: host };
}

/** A month-only plan ("March 2023 (TBC)") is fulfilled by a held meeting of the same body that month. */
function isPlanFor(plan: Meeting, held: Meeting): boolean {
  return (
    plan.status === 'planned' &&
    plan.date === null &&
    plan.body === held.body &&
    plan.month !== undefined &&
    (held.date ?? '').startsWith(plan.month)
  );
}

function mergeHeldMeeting(meetings: Meeting[], incoming: Meeting, report: ImportReport): Meeting[] {
  const stored = meetings.find((m) => m.id === incoming.id);
  let held: Meeting;
  if (!stored) {
    held = incoming;
    report.added.push(`meeting ${incoming.id}`);
  } else if (stored.status === 'planned') {
    held = incoming;
    report.merged.push(`meeting ${incoming.id} (was planned)`);
  } else {
    held = mergeMeetingRecords(stored, incoming, report);
    (changed(stored, held) ? report.merged : report.skipped).push(`meeting ${incoming.id}`);
  }
  for (const plan of meetings.filter((m) => isPlanFor(m, held)))
    report.merged.push(`meeting ${plan.id} (planned) into ${held.id}`);
  const others = meetings.filter((m) => m !== stored && !isPlanFor(m, held));
  const absorbed = absorbUndatedPlaceholders(others, held, report);
  return [...absorbed.meetings, absorbed.held];
}

function mergePlannedMeeting(meetings: Meeting[], plan: Meeting, report: ImportReport): Meeting[] {
  const label = `meeting ${plan.id} (planned)`;
  const stored = meetings.find((m) => m.id === plan.id);
  if (stored && stored.status !== 'planned') {
    report.skipped.push(label);
    return meetings;
  }
  if (stored) {
    const merged = { ...stored, sources: unionSources(stored.sources, plan.sources) };
    (changed(stored, merged) ? report.merged : report.skipped).push(label);
    return meetings.map((m) => (m === stored ? merged : m));
  }
  if (meetings.some((m) => m.status === 'held' && isPlanFor(plan, m))) {
    report.skipped.push(label);
    return meetings;
  }
  report.added.push(label);
  return [...meetings, plan];
}

/** Dated meetings by date (a month-only plan by its month), undated last: the same order whatever the import order. */
function sortMeetings(meetings: Meeting[]): Meeting[] {
  // Plain code-point order: '~' sorts after every digit, so undated meetings come last.
  const key = (m: Meeting): string => `${m.date ?? m.month ?? '~'} ${m.id}`;
  return [...meetings].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Pure: returns new records and what happened; never mutates its input. */
export function mergeParsedDocument(
  records: MinutesRecords,
  doc: ParsedDocument,
): { records: MinutesRecords; report: ImportReport } {
  const report: ImportReport = { file: doc.file, added: [], merged: [], skipped: [], warnings: [...doc.warnings] };
  const people = mergePeople(records.people, doc.people);
  report.added.push(...people.added);
  report.merged.push(...people.merged);
  report.skipped.push(...people.skipped);

  // Stored meetings are shared, not copied: merging builds new objects for what it changes, and a
  // meeting it leaves alone stays the same object, so comparing before and after costs nothing.
  let meetings = records.meetings.map((m) => renamePeople(m, people.renamedStored));
  if (doc.meeting) {
    const meeting = renamePeople(structuredClone(doc.meeting), people.incomingIds);
    meetings =
      meeting.status === 'undated'
        ? mergeUndatedMeeting(meetings, meeting, report)
        : mergeHeldMeeting(meetings, meeting, report);
  }
  for (const plan of doc.plannedMeetings) {
    meetings = mergePlannedMeeting(meetings, renamePeople(structuredClone(plan), people.incomingIds), report);
  }
  return { records: { meetings: sortMeetings(meetings), people: people.people }, report };
}
