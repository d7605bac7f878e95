/**
 * Reads which meeting a question is about: "the last meeting", "next meeting", "21 March 2023",
 * "21/03/2023", "the March meeting", "March 2022", "in 2022". Dates are en-GB (day before month).
 * Financial years such as "2023/24" are not meetings and are left to the priority answers.
 */
import * as chrono from 'chrono-node';

export type MeetingReference =
  | { kind: 'last' }
  | { kind: 'next' }
  | { kind: 'date'; date: string }
  | { kind: 'day-month'; month: number; day: number }
  | { kind: 'month'; month: number; year?: number }
  | { kind: 'year'; year: number };

const LAST = /\b(last|latest|previous|most recent|recent|past)\b/;
const NEXT = /\b(next|upcoming|forthcoming|future|coming)\b/;
// "2023/24" or "2023-24", but not the "2023-03" of an ISO date.
const FINANCIAL_YEAR = /\b(20\d\d)\s*[/-]\s*(\d\d)\b(?![-/]\d)/g;
const BARE_YEAR = /\b(?:in|of|for|during|from|year)\s+(20\d\d)\b|\b(20\d\d)\s+meetings?\b/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The meeting a question refers to, or null. */
export function readMeetingReference(text: string, today: Date): MeetingReference | null {
  const withoutFinancialYears = text.replace(FINANCIAL_YEAR, ' ');
  const dated = readDate(withoutFinancialYears, today);
  if (dated) return dated;
  const lower = withoutFinancialYears.toLowerCase();
  const year = BARE_YEAR.exec(lower);
  const yearValue = year?.[1] ?? year?.[2];
  if (yearValue) return { kind: 'year', year: Number(yearValue) };
  if (/\bmeet(ing)?s?\b|\bmet\b|\bresol|\bdecision|\bagenda\b|\bapologies\b|\battend|\bchair|\bpresent\b/.test(lower)) {
    if (NEXT.test(lower)) return { kind: 'next' };
    if (LAST.test(lower)) return { kind: 'last' };
  }
  return null;
}

const ISO_DATE = /\b(20\d\d)-(\d\d)-(\d\d)\b/;
/**
 * chrono's en-GB reader without its relative and time-of-day parsers ("3 weeks ago", "next
 * Friday", "10am"): a meeting is named by its month or date, and those parsers' patterns are the
 * costliest to compile. Told apart by class name: if a later chrono renames one, it is only kept.
 */
const QUESTION_DATES = new chrono.Chrono({
  parsers: chrono.en.GB.parsers.filter((parser) => !/Time|Casual|Relative|Weekday|EndOf/.test(parser.constructor.name)),
  refiners: chrono.en.GB.refiners,
});
/** Only text that names a month or a numeric date is worth the date parser's time (most questions do not). */
const MAY_HOLD_DATE = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d{1,2}\s*[/.]\s*\d{1,2}/i;

function readDate(text: string, today: Date): MeetingReference | null {
  const iso = ISO_DATE.exec(text);
  if (iso) return { kind: 'date', date: iso[0] };
  if (!MAY_HOLD_DATE.test(text)) return null;
  for (const result of QUESTION_DATES.parse(text, today)) {
    const start = result.start;
    if (!start.isCertain('month')) continue;
    const month = start.get('month');
    if (month === null) continue;
    // "may" is far more often the verb than the month; only a capitalised May or one with a day/year counts.
    if (month === 5 && /^may$/i.test(result.text.trim()) && result.text.trim() !== 'May') continue;
    const day = start.isCertain('day') ? start.get('day') : null;
    const year = start.isCertain('year') ? start.get('year') : null;
    if (day !== null && year !== null) return { kind: 'date', date: `${year}-${pad(month)}-${pad(day)}` };
    if (day !== null) return { kind: 'day-month', month, day };
    return year !== null ? { kind: 'month', month, year } : { kind: 'month', month };
  }
  return null;
}

/** Financial years named in the text, as "2023/24". */
export function readFinancialYears(text: string): string[] {
  const years: string[] = [];
  for (const m of text.matchAll(FINANCIAL_YEAR)) {
    const start = m[1];
    const end = m[2];
    if (start && end && Number(end) === (Number(start) + 1) % 100) years.push(`${start}/${end}`);
  }
  return years;
}

/**
 * Readies the date parsers: each compiles its pattern when first used, the largest in 50 ms or
 * more. Those that questions use are readied before the port opens (some 25 ms); the rest, which
 * read agendas' times and actions' due dates, one step each, run by the caller between turns.
 * Without this the first member to name a date would wait some 200 ms.
 */
export function primeDateReading(): Array<() => void> {
  primeParsers(QUESTION_DATES.parsers);
  return chrono.en.GB.parsers
    .filter((parser) => !QUESTION_DATES.parsers.includes(parser))
    .map((parser) => () => primeParsers([parser]));
}

function primeParsers(parsers: chrono.Parser[]): void {
  const today = new Date();
  for (const parser of parsers) {
    // The same parser objects as chrono.en.GB's: what they compile here is theirs. Twice, because
    // a pattern is first interpreted and compiled to machine code only when used again.
    const alone = new chrono.Chrono({ parsers: [parser], refiners: [] });
    for (let i = 0; i < 2; i++)
      alone.parse('the meeting on 21 March 2023, 3 weeks ago, due next Friday at 10am', today);
  }
}
