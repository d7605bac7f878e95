/**
 * Merges one parsed document into the records already held, so that importing a file twice,
 * or the same item in two layouts, never duplicates a meeting, item or resolution. Items match
 * by code or by identical minutes text, never by title alone (titles recur every year). An
 * undated item page joins a dated item only when its minutes are the same text, in either
 * order of import. Pure: returns new records and a report.
 */
import type { Meeting, MeetingItem, Person, Source } from '../model.js';
import { normaliseText, type ParsedDocument } from './build-document.js';
import { currentId, PeopleRegistry } from './people-registry.js';

export interface MinutesRecords {
  meetings: Meeting[];
  people: Person[];
}

export interface ImportReport {
  file: string;
  added: string[];
  merged: string[];
  skipped: string[];
  warnings: string[];
}

function minutesKey(item: MeetingItem): string {
  return normaliseText(item.minutes.join(' ')).toLowerCase();
}

function hasSource(sources: readonly Source[], source: Source): boolean {
  return sources.some((s) => s.doc === source.doc && (s.ref ?? '') === (source.ref ?? ''));
}

function addSources(target: { sources: Source[] }, sources: readonly Source[]): boolean {
  let added = false;
  for (const s of sources) {
    if (!hasSource(target.sources, s)) {
      target.sources.push(s);
      added = true;
    }
  }
  return added;
}

function label(meeting: Meeting, item?: MeetingItem): string {
  const when = meeting.date ?? meeting.month ?? 'undated';
  return item ? `${when} ${item.code ?? item.title}` : `meeting ${when}`;
}

export function mergeParsedDocument(records: MinutesRecords, doc: ParsedDocument): { records: MinutesRecords; report: ImportReport } {
  const report: ImportReport = { file: doc.file, added: [], merged: [], skipped: [], warnings: [...doc.warnings] };
  const registry = new PeopleRegistry(records.people);
  const localToGlobal = new Map<string, string>();
  for (const person of doc.people) {
    const known = new Set(records.people.map((p) => p.id));
    for (const name of person.names) {
      const id = registry.resolve({ ...person, text: name }, person.sources[0] ?? { doc: doc.file });
      if (id) localToGlobal.set(person.id, id);
    }
    const id = localToGlobal.get(person.id);
    if (id) {
      for (const role of person.roles) registry.addRole(id, role, role.source);
      if (!known.has(id)) report.added.push(`person ${person.name}`);
    }
  }
  const meetings = records.meetings.map((m) => structuredClone(m));
  const incoming = doc.meeting ? remapPeople(structuredClone(doc.meeting), (id) => localToGlobal.get(id) ?? id) : null;
  if (incoming?.date) mergeDatedMeeting(meetings, incoming, report);
  else if (incoming) mergeUndatedMeeting(meetings, incoming, report);
  for (const planned of doc.plannedMeetings) {
    if (meetings.some((m) => m.id === planned.id)) report.skipped.push(`planned ${label(planned)}`);
    else {
      meetings.push(structuredClone(planned));
      report.added.push(`planned ${label(planned)}`);
    }
  }
  const renamed = meetings.map((m) => remapPeople(m, (id) => currentId(registry.renames, id)));
  return { records: { meetings: renamed, people: registry.all() }, report };
}

function mergeDatedMeeting(meetings: Meeting[], incoming: Meeting, report: ImportReport): void {
  const index = meetings.findIndex((m) => m.id === incoming.id);
  const existing = meetings[index];
  if (!existing || existing.status === 'planned') {
    if (existing) addSources(incoming, existing.sources);
    if (existing) meetings.splice(index, 1, incoming);
    else meetings.push(incoming);
    report.added.push(label(incoming));
    absorbUndated(meetings, incoming, report);
    return;
  }
  let changed = addSources(existing, incoming.sources);
  for (const key of ['time', 'venue', 'chairId', 'viceChairId'] as const) {
    if (!existing[key] && incoming[key]) {
      existing[key] = incoming[key];
      changed = true;
    }
  }
  for (const key of ['present', 'apologies'] as const) {
    if (existing[key].length === 0 && incoming[key].length > 0) {
      existing[key] = incoming[key];
      changed = true;
    }
  }
  for (const item of incoming.items) {
    const match = existing.items.find((i) => (item.code && i.code === item.code) || minutesKey(i) === minutesKey(item) && minutesKey(item) !== '');
    if (!match) {
      existing.items.push(item);
      report.added.push(label(existing, item));
    } else if (addSources(match, item.sources) || (!match.resolution && item.resolution)) {
      if (!match.resolution && item.resolution) match.resolution = item.resolution;
      report.merged.push(label(existing, match));
    } else {
      report.skipped.push(label(existing, match));
    }
  }
  if (changed) report.merged.push(label(existing));
  absorbUndated(meetings, existing, report);
}

/** An undated item page imported earlier whose minutes match an item of this meeting belongs to it. */
function absorbUndated(meetings: Meeting[], dated: Meeting, report: ImportReport): void {
  for (let i = meetings.length - 1; i >= 0; i--) {
    const candidate = meetings[i];
    if (!candidate || candidate.status !== 'undated') continue;
    const matches = candidate.items.every((u) => dated.items.some((d) => minutesKey(d) === minutesKey(u) && minutesKey(u) !== ''));
    if (!matches || candidate.items.length === 0) continue;
    for (const u of candidate.items) {
      const target = dated.items.find((d) => minutesKey(d) === minutesKey(u));
      if (target) addSources(target, u.sources);
    }
    meetings.splice(i, 1);
    report.merged.push(`undated item page joined ${label(dated)}`);
  }
}

function mergeUndatedMeeting(meetings: Meeting[], incoming: Meeting, report: ImportReport): void {
  for (const item of incoming.items) {
    const key = minutesKey(item);
    const home = meetings.flatMap((m) => m.items.map((i) => ({ m, i }))).find(({ i }) => key !== '' && minutesKey(i) === key);
    if (home) {
      if (addSources(home.i, item.sources)) report.merged.push(`${label(home.m, home.i)} (same minutes text)`);
      else report.skipped.push(label(home.m, home.i));
      continue;
    }
    const sameMeeting = meetings.find((m) => m.id === incoming.id);
    if (sameMeeting) {
      report.skipped.push(label(sameMeeting, item));
      continue;
    }
    meetings.push({ ...incoming, items: [item] });
    report.added.push(label(incoming, item));
  }
}

function remapPeople(meeting: Meeting, map: (id: string) => string): Meeting {
  const unique = (ids: string[]): string[] => [...new Set(ids.map(map))];
  return {
    ...meeting,
    ...(meeting.chairId ? { chairId: map(meeting.chairId) } : {}),
    ...(meeting.viceChairId ? { viceChairId: map(meeting.viceChairId) } : {}),
    present: unique(meeting.present),
    apologies: unique(meeting.apologies),
    items: meeting.items.map((i) => ({ ...i, presenters: unique(i.presenters) })),
  };
}
