/**
 * Future meetings the minutes list: an item's lines that are nothing but a date ("14 July 2022",
 * "Thursday 17 November 2022 at 10am") or a month ("March 2023 (TBC)"), and sentences about "the
 * next meeting" with a date. Only dates after the meeting itself count, so a list of past dates is
 * not mistaken for a plan; an undated page plans nothing.
 */
import type { Meeting } from '../model/model.js';
import { findDate, findTime, parseMonthYear } from './dates.js';
import { datedMeetingId } from './meeting-ids.js';
import { normaliseWhitespace } from './text-cleaning.js';

export interface ItemParagraphs {
  ref: string;
  paragraphs: string[];
}

interface PlannedDate {
  date?: string;
  month?: string;
  time?: string;
  note?: string;
}

/** What may follow a listed date: a time, a note in brackets, a full stop. */
const DATE_TAIL = /^ ?,? ?(?:at )?(?:\d{1,2}(?:[.:]\d{2})? ?[ap]\.?m\.?|\d{1,2}:\d{2})? ?(?:\(([^)]*)\))? ?[.;,]?$/i;

/** "(TBC)" ending a line (before a full stop), found by index: a pattern for it is quadratic on "((((". */
function trailingNote(text: string): { start: number; text: string } | undefined {
  const body = (text.endsWith('.') ? text.slice(0, -1) : text).trimEnd();
  if (!body.endsWith(')')) return undefined;
  const close = body.length - 1;
  const open = body.indexOf('(', body.lastIndexOf(')', close - 1) + 1);
  return open >= 0 && open < close ? { start: open, text: body.slice(open + 1, close) } : undefined;
}

function readDateLine(raw: string): PlannedDate | undefined {
  // Single-spaced, so the tail's optional spaces are single ones.
  const text = normaliseWhitespace(raw);
  const date = findDate(text);
  if (date && date.index === 0) {
    const tail = DATE_TAIL.exec(text.slice(date.length));
    if (tail) return { date: date.iso, time: findTime(text.slice(date.length)), note: tail[1]?.trim() };
  }
  const note = trailingNote(text);
  const month = parseMonthYear(note ? text.slice(0, note.start).trimEnd() : text);
  return month ? { month, note: note?.text.trim() } : undefined;
}

/** A line that is only a date or a month ("14 July 2022", "March 2023 (TBC)"): never an item title. */
export function isDateLine(text: string): boolean {
  return readDateLine(text) !== undefined;
}

function readNextMeetingSentence(text: string): PlannedDate | undefined {
  if (!/\bnext meeting\b/i.test(text)) return undefined;
  const date = findDate(text);
  return date ? { date: date.iso, time: findTime(text.slice(date.index + date.length)) } : undefined;
}

function isAfter(planned: PlannedDate, heldDate: string): boolean {
  return planned.date ? planned.date > heldDate : (planned.month ?? '') > heldDate.slice(0, 7);
}

function toMeeting(planned: PlannedDate, body: string, doc: string, ref: string): Meeting {
  return {
    id: datedMeetingId(body, planned.date ?? planned.month ?? ''),
    body,
    date: planned.date ?? null,
    ...(planned.month ? { month: planned.month } : {}),
    ...(planned.time ? { time: planned.time } : {}),
    status: 'planned',
    ...(planned.note ? { note: planned.note } : {}),
    present: [],
    apologies: [],
    items: [],
    sources: [{ doc, ref }],
  };
}

export function findPlannedMeetings(
  items: readonly ItemParagraphs[],
  body: string,
  heldDate: string,
  doc: string,
): Meeting[] {
  const planned = new Map<string, Meeting>();
  for (const item of items) {
    for (const paragraph of item.paragraphs) {
      const found = readDateLine(paragraph) ?? readNextMeetingSentence(paragraph);
      if (!found || !isAfter(found, heldDate)) continue;
      const meeting = toMeeting(found, body, doc, item.ref);
      if (!planned.has(meeting.id)) planned.set(meeting.id, meeting);
    }
  }
  return [...planned.values()];
}
