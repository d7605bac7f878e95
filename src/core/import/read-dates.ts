/** Dates and times as committee pages write them: "Thursday, 24th March, 2022 10.00 am", "21 March 2023 at 10:00am". */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DATE = /\b(\d{1,2})(?:st|nd|rd|th)?,?\s+(January|February|March|April|May|June|July|August|September|October|November|December),?\s+((?:19|20)\d\d)\b/i;
const NUMERIC_DATE = /\b(\d{1,2})\/(\d{1,2})\/((?:19|20)\d\d)\b/;
const TIME = /\b(\d{1,2})[.:](\d{2})\s*(am|pm|a\.m\.|p\.m\.)?/i;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** ISO date (YYYY-MM-DD) of the first full date in the text, or null. */
export function readDateText(text: string): string | null {
  const words = DATE.exec(text);
  if (words) {
    const month = MONTHS.indexOf((words[2] ?? '').toLowerCase()) + 1;
    return `${words[3]}-${pad(month)}-${pad(Number(words[1]))}`;
  }
  const numeric = NUMERIC_DATE.exec(text);
  return numeric ? `${numeric[3]}-${pad(Number(numeric[2]))}-${pad(Number(numeric[1]))}` : null;
}

/** 24-hour "HH:MM" of the first time in the text, or null. */
export function readTimeText(text: string): string | null {
  const time = TIME.exec(text);
  if (!time) return null;
  let hours = Number(time[1]);
  const half = (time[3] ?? '').toLowerCase().replace(/\./g, '');
  if (half === 'pm' && hours < 12) hours += 12;
  if (half === 'am' && hours === 12) hours = 0;
  return `${pad(hours)}:${time[2]}`;
}
