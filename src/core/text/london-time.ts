/**
 * Meeting times are London wall-clock times ("10:00" means 10:00 in Kent, summer or winter);
 * they are stored as instants and shown back in London time.
 */
const ZONE = 'Europe/London';

// Made once: building an Intl formatter costs far more than using one.
const OFFSET = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, timeZoneName: 'shortOffset' });
const DAY = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const TIME = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const ISO_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Minutes London is ahead of UTC at that instant (0 in winter, 60 in summer). */
function londonOffsetMinutes(at: Date): number {
  const parts = OFFSET.formatToParts(at);
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-]\d{1,2})(?::(\d{2}))?/.exec(name);
  if (!match) return 0;
  const hours = Number(match[1]);
  return hours * 60 + Math.sign(hours) * Number(match[2] ?? 0);
}

/** The instant at which London clocks show this date and time. */
export function londonTimeToInstant(year: number, month: number, day: number, hour: number, minute: number): Date {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  // Two passes settle the offset across a clock change.
  let instant = new Date(asUtc - londonOffsetMinutes(new Date(asUtc)) * 60_000);
  instant = new Date(asUtc - londonOffsetMinutes(instant) * 60_000);
  return instant;
}

/** "10:00" in London time. */
export function formatLondonTime(instant: string | Date): string {
  return TIME.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** "Thursday 14 March 2024, 10:00" in London time. */
export function formatLondon(instant: string | Date): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const day = DAY.format(date);
  const time = TIME.format(date);
  return `${day.replace(',', '')}, ${time}`;
}

/** London calendar date (YYYY-MM-DD) of an instant. */
export function londonDate(instant: string | Date): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  return ISO_DAY.format(date);
}
