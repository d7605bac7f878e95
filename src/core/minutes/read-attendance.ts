/**
 * Who attended and who sent apologies: the PRESENT (also "ALSO PRESENT", "IN ATTENDANCE") and
 * apologies lists, from the header of the notes or from an item's paragraph. "(Chair)" and
 * "(Vice-Chair)" after a name make that person the meeting's chair or vice-chair.
 */
import type { RawLine } from './parsed-document.js';
import { collectName, type PeopleCollector } from './people-collector.js';
import { isChairRole, isViceChairRole, type RoleText } from './people-roles.js';
import { readApologiesText, readNameList, type NameList } from './name-lists.js';
import { isListEntry } from './read-item-body.js';
import { normaliseWhitespace } from './text-cleaning.js';

export interface Attendance {
  present: number[];
  apologies: number[];
  chair?: number;
  viceChair?: number;
  warnings: string[];
}

const PRESENT_LABEL =
  /^(?:PRESENT|Present|ALSO PRESENT|Also present|Also Present|IN ATTENDANCE|In attendance|In Attendance) ?:? ?(.*)$/;
const ANY_LABEL = /^(?:PRESENT|ALSO PRESENT|IN ATTENDANCE|APOLOGIES|Apologies|Present|In attendance)\b/;

/** Header lines as paragraphs: a blank line or a new label ends one. */
function headerParagraphs(lines: readonly RawLine[]): RawLine[] {
  const paragraphs: RawLine[] = [];
  let current: RawLine | undefined;
  for (const line of lines) {
    const text = normaliseWhitespace(line.text);
    if (text === '') current = undefined;
    else if (!current || ANY_LABEL.test(text)) {
      current = { text, line: line.line };
      paragraphs.push(current);
    } else current.text = `${current.text} ${text}`;
  }
  return paragraphs;
}

/** A chair's role is the chair of this body. */
function withBody(role: RoleText | undefined, body: string | undefined): RoleText | undefined {
  if (!role || role.organisation || !body || !(isChairRole(role) || isViceChairRole(role))) return role;
  return { ...role, organisation: body };
}

function collectList(
  list: NameList,
  collector: PeopleCollector,
  ref: string,
  body: string | undefined,
): { handle: number; role?: RoleText }[] {
  return list.names.map((n) => ({
    handle: collectName(collector, n.parts, ref, withBody(n.role, body)),
    role: n.role,
  }));
}

export function createAttendance(): Attendance {
  return { present: [], apologies: [], warnings: [] };
}

/** Reads an apologies paragraph into `attendance`; false when the paragraph is not one. */
export function readApologies(
  text: string,
  ref: string,
  collector: PeopleCollector,
  attendance: Attendance,
  line: number,
): boolean {
  const listText = readApologiesText(text);
  if (listText === undefined) return false;
  const list = readNameList(listText);
  attendance.apologies.push(...collectList(list, collector, ref, undefined).map((n) => n.handle));
  for (const entry of list.unread)
    attendance.warnings.push(`line ${line}: could not read "${entry}" in the apologies as a name`);
  return true;
}

/** "Peter Lewis - Jennifer James substituted": the member who sent apologies is the one before the dash. */
function withoutSubstitute(entry: string): string {
  const dash = /\s[-–]\s/.exec(entry);
  return dash && /\bsubstitut/i.test(entry.slice(dash.index)) ? entry.slice(0, dash.index) : entry;
}

/**
 * Reads the apologies paragraph at `index` into `attendance`, with the names after it when it
 * ends in a colon ("received from the following:", then a name a paragraph); returns how many
 * paragraphs it took, 0 when the paragraph is not an apologies list.
 */
export function readApologiesParagraphs(
  paragraphs: readonly { text: string; line: number }[],
  index: number,
  ref: string,
  collector: PeopleCollector,
  attendance: Attendance,
): number {
  const first = paragraphs[index];
  if (!first) return 0;
  const entries: string[] = [];
  if (first.text.trim().endsWith(':') && readApologiesText(first.text) !== undefined)
    for (let i = index + 1; i < paragraphs.length && isListEntry(paragraphs[i]?.text ?? ''); i++)
      entries.push(withoutSubstitute(paragraphs[i]?.text ?? ''));
  const text = entries.length > 0 ? `${first.text} ${entries.join(', ')}` : first.text;
  return readApologies(text, ref, collector, attendance, first.line) ? 1 + entries.length : 0;
}

export function readHeaderAttendance(
  header: readonly RawLine[],
  collector: PeopleCollector,
  body: string | undefined,
  attendance: Attendance,
): void {
  for (const paragraph of headerParagraphs(header)) {
    const present = PRESENT_LABEL.exec(normaliseWhitespace(paragraph.text));
    if (!present) {
      readApologies(paragraph.text, 'Apologies', collector, attendance, paragraph.line);
      continue;
    }
    const list = readNameList(present[1] ?? '');
    for (const { handle, role } of collectList(list, collector, 'PRESENT', body)) {
      attendance.present.push(handle);
      if (role && isChairRole(role)) attendance.chair = handle;
      if (role && isViceChairRole(role)) attendance.viceChair = handle;
    }
    for (const entry of list.unread)
      attendance.warnings.push(`line ${paragraph.line}: could not read "${entry}" in PRESENT as a name`);
  }
}
