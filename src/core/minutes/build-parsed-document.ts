/**
 * Gives a layout reader's raw document its meaning, the same way for every layout: the meeting
 * (id, body, date, chair, attendance), its items, the people named and the future meetings the
 * minutes list. A report yields its authors only. Ids of people are settled last, once every form
 * of every name in the document is known.
 */
import type { Meeting, MeetingItem } from '../model/model.js';
import { buildItem, warnAboutItems, type BuiltItem } from './build-items.js';
import { findPartnershipInTitle } from './meeting-header.js';
import { datedMeetingId, undatedMeetingId, UNKNOWN_BODY } from './meeting-ids.js';
import { MinutesFormatError } from './minutes-format-error.js';
import type { ParsedDocument, RawDocument } from './parsed-document.js';
import { collectName, createPeopleCollector, resolvePeople, type ResolvedPeople } from './people-collector.js';
import { findNameMentions, parseName } from './people-names.js';
import { splitRole } from './people-roles.js';
import { findPlannedMeetings } from './planned-meetings.js';
import { createAttendance, readHeaderAttendance, type Attendance } from './read-attendance.js';

function buildReport(raw: RawDocument, file: string): ParsedDocument {
  const collector = createPeopleCollector();
  for (const author of raw.authors) {
    // "Anna Taylor, Scrutiny Research Officer": the name, then the role after the first comma.
    const comma = author.text.indexOf(',');
    const nameText = comma >= 0 ? author.text.slice(0, comma) : author.text;
    const parts = parseName(nameText) ?? findNameMentions(author.text)[0];
    if (parts)
      collectName(collector, parts, author.label, comma >= 0 ? splitRole(author.text.slice(comma + 1)) : undefined);
  }
  const { people } = resolvePeople(collector, file, raw.date);
  const warnings = raw.authors.length === 0 ? ['the report names no author on a "By:" or "From:" line'] : [];
  return {
    file,
    layout: 'report',
    meeting: null,
    plannedMeetings: [],
    people,
    warnings: [...raw.warnings, ...warnings],
  };
}

function uniqueIds(ids: readonly string[]): string[] {
  return [...new Set(ids.filter((id) => id !== ''))];
}

function finishItems(built: readonly BuiltItem[], resolved: ResolvedPeople): MeetingItem[] {
  return built.map(({ item, presenterHandles }) => ({
    ...item,
    presenters: uniqueIds(presenterHandles.map(resolved.idOf)),
  }));
}

/** An agenda-item page names no body; a partnership named in its title is the best evidence there is. */
function chooseBody(raw: RawDocument): string {
  if (raw.body) return raw.body;
  const title = raw.items[0]?.title;
  return (raw.layout === 'agenda-item' && title ? findPartnershipInTitle(title) : undefined) ?? UNKNOWN_BODY;
}

function buildMeeting(
  raw: RawDocument,
  file: string,
  items: MeetingItem[],
  attendance: Attendance,
  resolved: ResolvedPeople,
): Meeting {
  const body = chooseBody(raw);
  const chairId = attendance.chair !== undefined ? resolved.idOf(attendance.chair) : undefined;
  const viceChairId = attendance.viceChair !== undefined ? resolved.idOf(attendance.viceChair) : undefined;
  return {
    id: raw.date ? datedMeetingId(body, raw.date) : undatedMeetingId(items),
    body,
    date: raw.date ?? null,
    ...(raw.time ? { time: raw.time } : {}),
    ...(raw.venue ? { venue: raw.venue } : {}),
    status: raw.date ? 'held' : 'undated',
    ...(chairId ? { chairId } : {}),
    ...(viceChairId ? { viceChairId } : {}),
    present: uniqueIds(attendance.present.map(resolved.idOf)),
    apologies: uniqueIds(attendance.apologies.map(resolved.idOf)),
    items,
    sources: [{ doc: file }],
  };
}

function undatedWarning(raw: RawDocument): string[] {
  if (raw.date || raw.layout !== 'agenda-item') return [];
  const body = chooseBody(raw) === UNKNOWN_BODY ? '; no body named either, kept as "Unknown body"' : '';
  return [`no meeting date on an agenda item page: kept as undated${body}`];
}

export function buildParsedDocument(raw: RawDocument, file: string): ParsedDocument {
  if (raw.layout === 'report') return buildReport(raw, file);
  if (raw.items.length === 0 && !raw.date) {
    throw new MinutesFormatError(file, 1, 'no meeting date and no items found: nothing to import');
  }
  const collector = createPeopleCollector();
  const attendance = createAttendance();
  readHeaderAttendance(raw.header, collector, raw.body, attendance);
  const takenIds = new Set<string>();
  const built = raw.items.map((item) => buildItem(item, file, collector, attendance, takenIds));
  const resolved = resolvePeople(collector, file, raw.date);
  const meeting = buildMeeting(raw, file, finishItems(built, resolved), attendance, resolved);
  const plannedMeetings = raw.date
    ? findPlannedMeetings(
        built.map((b) => ({ ref: b.item.code ?? b.item.title, paragraphs: b.item.minutes })),
        meeting.body,
        raw.date,
        file,
      )
    : [];
  const warnings = [
    ...raw.warnings,
    ...undatedWarning(raw),
    ...(raw.items.length === 0 ? ['no items found: kept the meeting without items'] : []),
    ...attendance.warnings,
    ...warnAboutItems(built),
  ];
  return { file, layout: raw.layout, meeting, plannedMeetings, people: resolved.people, warnings };
}
