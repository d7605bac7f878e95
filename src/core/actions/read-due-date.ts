/**
 * A due date as officers type it in en-GB: "30 April", "30/04", "Friday", "next Tuesday", "end of
 * next month", "the 3rd of next month", "w/c 5 Jan", "before the next meeting". chrono-node reads
 * most; what it reads only in part (a day it guessed, words it skipped) is kept but marked unsure,
 * so the confirmation shows the date back for the officer to check.
 */
import * as chrono from 'chrono-node';
import { formatDate } from '../answers/format.js';
import { londonDate } from '../text/london-time.js';
import type { Partnership } from '../model/model.js';

export type DueDate = { due: string; note?: string } | { problem: string };

const ORDINAL_OF_MONTH = /^(?:the )?(\d{1,2})(?:st|nd|rd|th)? (?:of |day of )?(this|next) month$/i;
const NEXT_MEETING = /^(?:the )?next (?:partnership |board |csp )?meeting$/i;
const FILLER = /^(?:the|on|w\/c|wc|week commencing) /i;

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The next meeting still to come: a circulated agenda, or a date the minutes planned. */
function nextMeetingDate(partnership: Partnership, today: string): string | undefined {
  const agendas = partnership.agendas.filter((a) => a.status === 'circulated').map((a) => londonDate(a.startsAt));
  const planned = partnership.meetings.map((m) => m.date).filter((d): d is string => d !== null);
  return [...agendas, ...planned].filter((d) => d > today).sort()[0];
}

export function readDueDate(phrase: string, now: Date, partnership: Partnership): DueDate {
  const today = londonDate(now);
  const text = phrase.trim().replace(/[.;]$/, '');
  const ordinal = ORDINAL_OF_MONTH.exec(text);
  if (ordinal) {
    const [year, month] = today.split('-').map(Number) as [number, number];
    const target = new Date(
      Date.UTC(year, month - 1 + (ordinal[2]?.toLowerCase() === 'next' ? 1 : 0), Number(ordinal[1]), 12),
    );
    if (target.getUTCDate() !== Number(ordinal[1])) return { problem: `That month has no ${ordinal[1]}th day.` };
    return checked(target.toISOString().slice(0, 10), today, text);
  }
  if (NEXT_MEETING.test(text)) {
    const meeting = nextMeetingDate(partnership, today);
    if (!meeting)
      return {
        problem: 'No coming meeting is recorded, so I cannot date "the next meeting". Give a date, e.g. "by 30 April".',
      };
    return { due: addDays(meeting, -1), note: `Due the day before the next meeting (${formatDate(meeting)}).` };
  }
  const [result] = chrono.en.GB.parse(text, now, { forwardDate: true });
  if (!result)
    return {
      problem: `I couldn't read "${text}" as a due date. Try "by 30 April", "by Friday", "end of May" or "30/04".`,
    };
  const due = londonDate(result.start.date());
  const readWhole = result.text.length >= text.replace(FILLER, '').length - 1;
  const certain = result.start.isCertain('day') || result.start.isCertain('weekday');
  const read = checked(due, today, text);
  if ('problem' in read || (readWhole && certain)) return read;
  return { due, note: `I read "${text}" as ${formatDate(due)}: if that is not what you meant, change it with Edit.` };
}

function checked(due: string, today: string, text: string): DueDate {
  return due < today ? { problem: `The due date (${text}) is in the past. Give a date still to come.` } : { due };
}
