/**
 * Reads who met, when and where from the header lines each layout prints: the ModernGov
 * "Body - Thursday, 24th March, 2022 10.00 am" line, the notes' "NOTES of a meeting of Body held
 * Online on Tuesday, 21 March 2023." line, and the "Meeting: 21/03/2023 - Body (Item 5.)" line some
 * agenda-item pages carry.
 */
import { findDate, findTime, WRITTEN_DATE } from './dates.js';
import { normaliseWhitespace } from './text-cleaning.js';

export interface MeetingHeader {
  body?: string;
  date?: string;
  time?: string;
  venue?: string;
  code?: string;
}

/** "<Body> - <written date> [time]": the dash separates the body from a date that follows at once. */
const HEADER_LINE = new RegExp(String.raw`^(.*?\S)\s+[-–—]\s+(${WRITTEN_DATE.source})(.*)$`, 'i');

/** A labelled line ("To: Crime and Disorder Committee – 19 July 2023") belongs to a report, not a minutes page. */
export function isMeetingHeaderLine(text: string): boolean {
  const m = HEADER_LINE.exec(normaliseWhitespace(text));
  return m !== null && !(m[1] ?? '').includes(':');
}

export function parseMeetingHeaderLine(text: string): MeetingHeader | undefined {
  const m = HEADER_LINE.exec(normaliseWhitespace(text));
  if (!m || !isMeetingHeaderLine(text)) return undefined;
  return { body: m[1]?.trim(), date: findDate(m[2] ?? '')?.iso, time: findTime(m[m.length - 1] ?? '') };
}

/**
 * "NOTES of a meeting of the Kent CSP held Online on Tuesday, 21 March 2023." Also "MINUTES of
 * the meeting of X held at Sessions House, Maidstone on ..." and "... held on <date> at <venue>".
 */
export function parseNotesLine(text: string): MeetingHeader | undefined {
  const line = normaliseWhitespace(text).replace(/^#+\s*/, '');
  const m = /^(?:NOTES|MINUTES) of (?:a|the) (?:\w+ )?meeting of (?:the )?(.+?)(?: held (.*)| on (.*))?$/i.exec(line);
  if (!m) return undefined;
  const rest = m[2] ?? (m[3] ? `on ${m[3]}` : '');
  const date = findDate(rest);
  return {
    body: m[1]?.trim(),
    date: date?.iso,
    time: findTime(rest),
    venue: readVenue(rest, date?.index, date?.length),
  };
}

/** Without a final word "on" ("Online on" -> "Online"); in code, as `/\s*\bon\s*$/` is quadratic on long runs of spaces. */
function withoutFinalOn(text: string): string {
  return /\bon$/i.test(text.slice(-3)) && (text.length === 2 || !/\w/.test(text.charAt(text.length - 3)))
    ? text.slice(0, -2)
    : text;
}

/** The venue sits before "on <date>" ("Online on ...", "at Sessions House on ...") or after the date ("... at Sessions House"). */
function readVenue(rest: string, dateIndex?: number, dateLength?: number): string | undefined {
  if (dateIndex === undefined) return undefined;
  const before = withoutFinalOn(rest.slice(0, dateIndex).trimEnd())
    .replace(/^(?:at|in)\s+(?:the\s+)?/i, '')
    .trim();
  if (before !== '' && !/^on$/i.test(before)) return before.replace(/[,.]$/, '');
  const after = rest
    .slice(dateIndex + (dateLength ?? 0))
    .replace(/^[\s,]*(?:at\s+)?\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\.?/i, '')
    .trim();
  const venue = /^(?:at|in)\s+(?:the\s+)?(\S.*?)\.?$/i.exec(after)?.[1];
  return venue?.trim() || undefined;
}

/** ModernGov agenda-item pages may say "Meeting: 21/03/2023 - Kent Community Safety Partnership (Item 5.)". */
export function parseAgendaItemMeetingLine(text: string): MeetingHeader | undefined {
  const m = /^Meeting: ?(.+?) [-–] (.+?)(?: ?\(Item ([A-Z]?\d{1,3}[a-z]?)\.?\))?$/i.exec(normaliseWhitespace(text));
  if (!m) return undefined;
  const date = findDate(m[1] ?? '');
  if (!date) return undefined;
  return { date: date.iso, time: findTime((m[1] ?? '').slice(date.index + date.length)), body: m[2], code: m[3] };
}

/**
 * A partnership named inside an item title, "Kent Community Safety Partnership Working Group
 * Update": the run of capitalised words (with "and"/"of" joining them) that ends in "Partnership".
 */
export function findPartnershipInTitle(title: string): string | undefined {
  const m = /(?<![\w'’-])((?:[A-Z][\w'’-]*\s+(?:(?:and|of|&)\s+)?){1,12}Partnership)\b/.exec(title);
  return m?.[1]?.replace(/^(?:The)\s+/, '');
}
