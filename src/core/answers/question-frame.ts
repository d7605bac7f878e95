/**
 * A question read into what it asks and what it is constrained by, whatever its phrasing: the kind
 * of thing asked (a chair, apologies, a date, a decision, a priority, a fact) and which meeting
 * (a date, a month, a year, "last", the meeting whose minutes another approved, the meeting where
 * something happened). Politeness and filler ("could you remind me", "pls") carry no topic.
 */
import { stemmer } from 'stemmer';
import { findDate } from '../minutes/dates.js';
import { words } from '../text/normalise.js';
import { isStopword } from '../text/stopwords.js';
import { MONTH_ABBREVIATIONS, MONTH_NAMES } from '../text/month-names.js';

export type AskedKind =
  | 'vice-chair'
  | 'chair'
  | 'apologies'
  | 'attendance'
  | 'minute-taker'
  | 'declarations'
  | 'meeting-date'
  | 'venue'
  | 'priority'
  | 'decision'
  | 'action'
  | 'fact';

export interface MeetingConstraint {
  /** ISO date, month (YYYY-MM), month without a year (MM) or year (YYYY). */
  dates: string[];
  last: boolean;
  /** The date names the minutes another meeting approved ("the meeting that agreed the 23 June 2014 minutes"). */
  approvedMinutes: boolean;
  /** Words of a clause that picks the meeting by what happened there ("where Cassie Newman gave the CRC update"). */
  clause: string[];
}

export interface QuestionFrame {
  kind: AskedKind;
  meeting: MeetingConstraint;
  /** Stemmed content words that name the topic, filler and the kind's own words removed. */
  terms: string[];
  /** Words as typed (lower case), for prefix matching of abbreviations ("resi", "apols"). */
  words: string[];
  /** Asks about now ("who chairs", "who is"), not about every meeting on record. */
  present: boolean;
  /** Asks about several meetings ("have chaired", "changed", "before"). */
  history: boolean;
  /** Financial years named ("2016/17", "17-18"), as "16/17". */
  years: string[];
  /** What the answer should contain: a number, an amount, a date, a frequency, a name. */
  wants?: 'number' | 'amount' | 'date' | 'frequency' | 'name';
}

const MONTHS: readonly string[] = MONTH_ABBREVIATIONS;
/** A month's name or its usual short form ("dec", "sept"), never a word that merely starts like one ("declarations", "marac"). */
const MONTH_WORD =
  /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?:uary|ruary|ch|il|e|y|ust|t|tember|ember|ober)?$/;
/** Words that ask politely or fill, never the topic. */
export const FILLER: ReadonlySet<string> = new Set([
  'pls',
  'plz',
  'please',
  'remind',
  'could',
  'would',
  'thank',
  'thanks',
  'much',
  'hi',
  'hello',
  'good',
  'morning',
  'afternoon',
  'evening',
  'actually',
  'just',
  'back',
  'everyone',
  'summarise',
  'everything',
  'kindly',
  'quick',
  'quickly',
  'again',
  'ok',
]);
/** Words of the kinds themselves: they choose the kind, and do not also count as topic. */
const KIND_WORDS =
  /^(chair\w*|vice|apol\w*|attend\w*|present|minut\w*|minuet\w*|declar\w*|interest\w*|meet|met|meeting|meetings|held|date|when|where|board|priorit\w*|resolv\w*|decid\w*|decision\w*|agreed?|sent|took|take|taker|elected|who|what|which|csp|partnership|actions?)$/;

function kindOf(lower: string): AskedKind {
  // "What date was the meeting chaired by X?" asks for a date; the chair only picks the meeting.
  if (/^(?:when|what date|which date)\b.*\b(?:meet|met|meeting|board|held)\b/.test(lower)) return 'meeting-date';
  if (/\bvice[- ]?chair/.test(lower)) return 'vice-chair';
  if (/\bapol\w*|\bsent (?:their )?regrets\b|\babsent\b/.test(lower)) return 'apologies';
  if (/\bminu\w*|\bnotes?\b/.test(lower) && /\b(?:took|take|taking|taker|wrote|writes?)\b/.test(lower))
    return 'minute-taker';
  if (/\bdeclar\w*/.test(lower)) return 'declarations';
  if (/\bchair\w*|\bin the chair\b/.test(lower) && !/\bwhen was\b.*\belected\b/.test(lower)) return 'chair';
  if (/\bwho (?:attended|was there|came|were there)\b|\battendance\b|\bwho was present\b/.test(lower))
    return 'attendance';
  const decisionVerb = /\b(?:approv\w*|adopt\w*|sign(?:ed)? off|endorse\w*|agreed?)\b/.test(lower);
  if (/\bpriorit/.test(lower) && !(decisionVerb && /^(?:were|was|did|has|have|had)\b/.test(lower))) return 'priority';
  if (
    /\bactions?\b/.test(lower) &&
    !/\b(?:open|my|overdue|draft|proposed|suggested|done|log|logged|export)\b/.test(lower)
  )
    return 'action';
  if (/^where\b|\bwhere (?:was|were|is|did)\b.*\b(?:held|meet|meeting|board)\b/.test(lower)) return 'venue';
  if (/^(?:when|what date)\b.*\b(?:meet|met|meeting|board|held)\b|\bwhich meeting\b|\bwhat date was\b/.test(lower))
    return 'meeting-date';
  if (
    /\b(?:resolv\w*|decid\w*|decision\w*|agreed?|approv\w*|adopt\w*|sign(?:ed)? off|endorse\w*|correction|corrected|amend\w*)\b/.test(
      lower,
    )
  )
    return 'decision';
  return 'fact';
}

function year(text: string): number {
  const n = Number(text);
  return text.length === 2 ? 2000 + n : n;
}

/** Dates, months and years the question names, as ISO prefixes; financial years ("2016/17") are topic, not dates. */
function readDates(lower: string): string[] {
  const found: string[] = [];
  const full = findDate(lower);
  if (full) found.push(full.iso);
  const numeric = /\b(\d{1,2})\/(\d{1,2})\/(\d{2})\b/.exec(lower);
  if (numeric)
    found.push(
      `${year(numeric[3] ?? '')}-${String(numeric[2]).padStart(2, '0')}-${String(numeric[1]).padStart(2, '0')}`,
    );
  const tokens = lower.split(/[^a-z0-9/]+/);
  tokens.forEach((token, i) => {
    const month = MONTH_WORD.exec(token)?.[1];
    if (!month || (token === 'may' && !/^\d/.test(tokens[i + 1] ?? ''))) return;
    const mm = String(MONTHS.indexOf(month) + 1).padStart(2, '0');
    const next = tokens[i + 1] ?? '';
    if (/^(?:19|20)\d{2}$|^\d{2}$/.test(next)) {
      const iso = `${year(next)}-${mm}`;
      if (!found.some((f) => f.startsWith(iso))) found.push(iso);
    } else if (!/^\d{1,2}(?:st|nd|rd|th)?$/.test(tokens[i - 1] ?? '')) found.push(mm);
  });
  for (const m of lower.matchAll(/\b((?:19|20)\d{2})\b(?![/-]\d)/g)) {
    const y = m[1] ?? '';
    if (!found.some((f) => f.startsWith(y)) && !/[/-]$/.test(lower.slice(0, m.index))) found.push(y);
  }
  return found;
}

export function readFrame(text: string): QuestionFrame {
  const lower = text.toLowerCase().replace(/[’‘]/g, "'");
  const typed = words(text);
  const kind = kindOf(lower);
  const dates = readDates(lower);
  const approvedMinutes =
    /\b(?:approved|agreed|confirmed|signed off|sign off|accepted|adopted)\b.*\bminutes\b|\bminutes\b.*\b(?:approved|agreed|confirmed|signed)\b/.test(
      lower,
    ) &&
    dates.length > 0 &&
    kind !== 'decision';
  // "the meeting where/that/when ...", "the December meeting when ...": the clause picks the meeting; a leading "when" asks, it does not pick.
  const clauseMatch =
    /\bmeeting ((?:where|that|when|which|at which|in which)\b.*|chaired by\b.*)$|\s(?:where|when) (.*)$/.exec(lower);
  // The clause keeps words such as "chaired": they say what happened at the meeting sought.
  const clause =
    kind === 'venue'
      ? []
      : words(clauseMatch?.[1] ?? clauseMatch?.[2] ?? '')
          .filter((w) => !isStopword(w) && !FILLER.has(w) && !/^\d+$/.test(w))
          .map((w) => stemmer(w));
  const present =
    /\bwho (?:chairs|is|'s)\b|\bwho's\b|\bcurrent\b|\bnow\b|\bpresent(?:ly)?\b/.test(lower) && dates.length === 0;
  const history =
    /\bhave chaired\b|\bchanged?\b|\bbefore\b|\bprevious(?:ly)?\b|\bhistory\b|\bover time\b|\ball (?:the )?chairs\b/.test(
      lower,
    );
  const wants = /\bhow often\b|\bhow frequently\b/.test(lower)
    ? 'frequency'
    : /\bhow much\b|\bcost\b|\bbudget\b|\bfunding\b|\bspend\b|£/.test(lower)
      ? 'amount'
      : /\bhow many\b|\bnumbers?\b|\bfigures?\b|\bquorum\b/.test(lower)
        ? 'number'
        : /^when\b|\bwhat date\b|\bdeadline\b|\bclose\b|\bdue\b/.test(lower)
          ? 'date'
          : /^who\b|\bwho\b/.test(lower)
            ? 'name'
            : undefined;
  return {
    kind,
    meeting: {
      dates,
      last: /\blast(?: met| meet|ly)?\b|\blatest\b|\bmost recent\b/.test(lower),
      approvedMinutes,
      clause,
    },
    terms: [...contentWords(lower), ...topicExtras(lower, kind)],
    years: financialYears(lower),
    words: typed.filter((w) => !FILLER.has(w) && !isStopword(w)),
    present,
    history,
    ...(wants ? { wants } : {}),
  };
}

/** Months and numbers as topic words ("no meeting in April", "2020 vision"), and for a plain fact the words of meeting too. */
function topicExtras(lower: string, kind: AskedKind): string[] {
  const extra = words(lower).filter((w) => MONTH_WORD.test(w) || /^(?:19|20)\d{2}$/.test(w));
  if (kind === 'fact') extra.push(...words(lower).filter((w) => /^(?:meet|met|often)$/.test(w)));
  return extra.map((w) =>
    stemmer(MONTH_WORD.test(w) ? (MONTH_NAMES[MONTHS.indexOf(MONTH_WORD.exec(w)?.[1] ?? '')] ?? w) : w),
  );
}

/** Stemmed topic words: no stopwords, filler, kind words, months or numbers. */
export function contentWords(text: string): string[] {
  return words(text)
    .filter(
      (w) =>
        !isStopword(w) &&
        !FILLER.has(w) &&
        !KIND_WORDS.test(w) &&
        !MONTH_WORD.test(w) &&
        !/^\d+(?:st|nd|rd|th)?$/.test(w),
    )
    .map((w) => stemmer(w));
}

/** "2023/24", "2023-24", "23/24" -> "23/24". */
export function financialYears(text: string): string[] {
  return [...text.matchAll(/\b(?:19|20)?(\d{2})\s?[/-]\s?(?:19|20)?(\d{2})\b/g)]
    .filter((m) => Number(m[2]) === (Number(m[1]) + 1) % 100)
    .map((m) => `${m[1]}/${m[2]}`);
}
