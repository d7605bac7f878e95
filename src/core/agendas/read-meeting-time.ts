/**
 * Reads when and where a meeting is from what the chair types: "14 March 2024 10:00 online",
 * "Thu 14 March 10am at County Hall, Maidstone", "14/03/2024 10am https://teams.microsoft.com/...".
 * en-GB day-month order; a date without a year means the next one; times are London time.
 */
import * as chrono from 'chrono-node';
import { londonTimeToInstant } from '../text/london-time.js';
import { trimTrailing } from '../text/normalise.js';

export type MeetingTime = { startsAt: string; venue?: string; onlineLink?: string } | { problem: string };

const URL = /https?:\/\/\S+/i;

export function readMeetingTime(text: string, now: Date): MeetingTime {
  const [result] = chrono.en.GB.parse(text, now, { forwardDate: true });
  if (!result || !(result.start.isCertain('day') || result.start.isCertain('weekday'))) {
    return {
      problem: 'I could not find the meeting date. Write it as e.g. "14 March 2024 10:00" or "14/03/2024 10am".',
    };
  }
  if (!result.start.isCertain('hour')) {
    return {
      problem: `I found the date (${result.text.trim()}) but not the start time. Add it, e.g. "10:00" or "10am".`,
    };
  }
  const start = result.start;
  const instant = londonTimeToInstant(
    start.get('year') ?? now.getUTCFullYear(),
    start.get('month') ?? 1,
    start.get('day') ?? 1,
    start.get('hour') ?? 0,
    start.get('minute') ?? 0,
  );
  if (Number.isNaN(instant.getTime())) return { problem: 'That date is not a real date.' };
  if (instant.getTime() < now.getTime())
    return { problem: `That time (${result.text.trim()}) is in the past. An agenda is for a meeting still to come.` };
  const rest = `${text.slice(0, result.index)} ${text.slice(result.index + result.text.length)}`
    .replace(/\s+/g, ' ')
    .trim();
  const link = URL.exec(rest)?.[0];
  const spelled = rest
    .replace(URL, '')
    .replace(/^(?:at|in|venue:?|location:?|,|-)\s*/i, '')
    .trim();
  const venue = trimTrailing(spelled, ', ');
  return {
    startsAt: instant.toISOString(),
    ...(venue ? { venue: /^online$/i.test(venue) ? 'Online' : venue } : link ? { venue: 'Online' } : {}),
    ...(link ? { onlineLink: link } : {}),
  };
}
