/**
 * How dates, meetings and people are written in answers: en-GB, the way committee papers write
 * them ("Tuesday 21 March 2023"), and never a guessed date for an undated item.
 */
import type { Meeting, MeetingItem, Person, Source } from '../model/model.js';

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? String(month);
}

/** "Tuesday 21 March 2023" from "2023-03-21". */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  const weekday = DAY_NAMES[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${weekday} ${d} ${monthName(m)} ${y}`;
}

/** "March 2023" from "2023-03". */
export function formatMonth(isoMonth: string): string {
  const [y, m] = isoMonth.split('-').map(Number);
  return y && m ? `${monthName(m)} ${y}` : isoMonth;
}

/** How a meeting is named in an answer: its date, or plainly that the source gives none. */
export function meetingLabel(meeting: Meeting): string {
  if (meeting.date) return formatDate(meeting.date);
  if (meeting.month) return `${formatMonth(meeting.month)}${meeting.note ? ` (${meeting.note})` : ''}`;
  return 'an undated meeting (the source gives no date)';
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "B3 MARAC Review Update" or just the title where the page gives no code. */
export function itemLabel(item: MeetingItem): string {
  return item.code ? `${item.code} ${item.title}` : item.title;
}

/** "Mr S Peerbux (Head of Community Safety, KCC)": the name with the latest role the documents give. */
export function personWithRole(person: Person): string {
  const role = person.roles.at(-1);
  const described = role ? [role.title, role.organisation].filter(Boolean).join(', ') : '';
  return described ? `${person.name} (${described})` : person.name;
}

/** Sources without repeats, in first-seen order. */
export function uniqueSources(sources: readonly Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = `${s.doc}#${s.ref ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function listWithAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
