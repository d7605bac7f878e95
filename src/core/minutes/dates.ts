/**
 * Dates and times as committee papers write them ("Thursday, 24th March, 2022 10.00 am",
 * "21 March 2023", "21/03/2023", "March 2023 (TBC)"), turned into ISO dates and 24-hour times.
 * Only British day-month order is read: these are UK council papers.
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const MONTH_NAME = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`;
const WEEKDAY = String.raw`(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day`;

/** "Thursday, 24th March, 2022" or "21 March 2023": weekday optional, ordinal suffix optional. */
export const WRITTEN_DATE = new RegExp(
  String.raw`(?:${WEEKDAY},?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH_NAME},?\s+(\d{4})`,
  'i',
);
const NUMERIC_DATE = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/;
const MONTH_YEAR = new RegExp(String.raw`^${MONTH_NAME},?\s+(\d{4})$`, 'i');
/** "10.00 am", "10:00am", "2 pm", "2.30p.m." or a bare 24-hour "14:00". */
const TIME = /\b(\d{1,2})(?:[.:](\d{2}))?\s*([ap])\.?\s?m\b\.?|\b([01]?\d|2[0-3]):([0-5]\d)\b/i;

export interface FoundDate {
  iso: string;
  index: number;
  length: number;
}

function monthNumber(name: string): number | undefined {
  return MONTHS[name.toLowerCase().slice(0, name.toLowerCase().startsWith('sept') ? 4 : 3)];
}

function toIso(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** The first written or numeric date in a text. */
export function findDate(text: string): FoundDate | undefined {
  const written = WRITTEN_DATE.exec(text);
  if (written) {
    const month = monthNumber(written[2] ?? '');
    const iso = month ? toIso(Number(written[3]), month, Number(written[1])) : undefined;
    if (iso) return { iso, index: written.index, length: written[0].length };
  }
  const numeric = NUMERIC_DATE.exec(text);
  if (numeric) {
    const iso = toIso(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
    if (iso) return { iso, index: numeric.index, length: numeric[0].length };
  }
  return undefined;
}

/** "March 2023" -> "2023-03" when the whole text is a month and a year. */
export function parseMonthYear(text: string): string | undefined {
  const m = MONTH_YEAR.exec(text.trim());
  const month = m ? monthNumber(m[1] ?? '') : undefined;
  return m && month ? `${m[2]}-${String(month).padStart(2, '0')}` : undefined;
}

/** The first time in a text as 24-hour "HH:MM". */
export function findTime(text: string): string | undefined {
  const m = TIME.exec(text);
  if (!m) return undefined;
  if (m[4] !== undefined) return `${m[4].padStart(2, '0')}:${m[5]}`;
  let hour = Number(m[1]);
  if (hour > 12) return undefined;
  const pm = (m[3] ?? '').toLowerCase() === 'p';
  if (pm && hour < 12) hour += 12;
  if (!pm && hour === 12) hour = 0;
  return `${String(hour).padStart(2, '0')}:${m[2] ?? '00'}`;
}
