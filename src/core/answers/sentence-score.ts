/**
 * How well one sentence of the minutes holds what a question asks: the topic's words (a typed
 * prefix counts, for abbreviations such as "resi" or "apols"; a near spelling counts, for typos),
 * financial years in any form ("2023/24", "23-24"), the kind's cue word, and the kind of fact
 * wanted (an amount, a number, a date, a frequency, a name).
 */
import { editDistance } from '../text/fuzzy.js';
import { financialYears, type QuestionFrame } from './question-frame.js';
import type { ReadingIndex, Sentence } from './reading-index.js';

const AMOUNT = /£\s?\d|\b\d+(?:\.\d+)?\s?(?:k|m|million|thousand)\b/i;
const NUMBER = /\b\d[\d,]*(?:\.\d+)?%?/;
const DATE_WORDS =
  /\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/i;
const FREQUENCY =
  /\b(?:twice|once|three times|four times|every|quarterly|monthly|annually|yearly|bi-?annual\w*|weekly)\b/i;
/** Everyday words that are not names, though capitalised in titles and lists. */
const NOT_NAMES = new Set([
  'the',
  'chair',
  'chairman',
  'vice',
  'board',
  'members',
  'member',
  'partnership',
  'community',
  'safety',
  'council',
  'meeting',
  'minutes',
  'apologies',
  'agenda',
  'item',
  'police',
  'service',
  'services',
  'borough',
  'district',
  'county',
  'strategy',
  'team',
  'officer',
  'group',
  'executive',
  'committee',
  'update',
  'report',
  'action',
  'present',
  'attendance',
  'declarations',
  'interest',
  'introductions',
  'welcome',
  'and',
  'of',
  'business',
  'support',
  'manager',
  'director',
  'head',
  'chief',
  'assistant',
  'lead',
  'coordinator',
  'co-ordinator',
  'commissioning',
  'integrated',
  'safer',
  'neighbourhood',
  'neighbourhoods',
  'crime',
  'reduction',
  'children',
  'families',
  'trust',
  'authority',
  'fire',
  'rescue',
  'probation',
  'health',
  'public',
  'national',
  'city',
  'york',
  'programme',
  'policy',
  'development',
  'housing',
  'adults',
  'communities',
  'education',
  'hub',
  'forum',
  'centre',
  'in',
  'for',
  'on',
  'to',
  'at',
]);
const CAPITALISED_RUN = /\b[A-Z][a-zA-Z'’-]*\.?(?:\s+[A-Z][a-zA-Z'’-]*)+/g;
const SYNONYMS: Record<string, string[]> = {
  led: ['lead'],
  lead: ['led'],
  subbed: ['substitut'],
  sub: ['substitut'],
  cost: ['£', 'contract', 'fund'],
  dv: ['domest'],
  apol: ['apolog'],
  often: ['twice', 'quarter', 'month', 'annual', 'year'],
};

/** Whether a text names a person: a run of capitalised words whose last word is not an everyday one. */
export function hasPersonName(text: string): boolean {
  for (const m of text.matchAll(CAPITALISED_RUN)) {
    const own = m[0]
      .split(/\s+/)
      .filter((w) => /^[A-Z][a-z]/.test(w) && !NOT_NAMES.has(w.toLowerCase().replace(/\.$/, '')));
    if (own.length >= 2) return true;
  }
  return false;
}

interface CompiledTerm {
  weight: number;
  /** The stems of the minutes this word stands for: itself, its synonyms, longer words it begins, near spellings. */
  stems: Set<string>;
  pound: boolean;
}

/** Each question word looked up once against the minutes' vocabulary, so scoring a sentence is set lookups only. */
function compile(frame: QuestionFrame, index: ReadingIndex): CompiledTerm[] {
  return [...new Set(frame.terms)].slice(0, 16).map((term) => {
    const alternatives = [term, ...(SYNONYMS[term] ?? [])];
    const stems = new Set(alternatives.filter((t) => t !== '£'));
    for (const start of new Set(alternatives.map((t) => t.slice(0, 2)))) {
      for (const stem of index.stemsByStart.get(start) ?? []) {
        if (term.length >= 3 && stem.startsWith(term)) stems.add(stem);
        else if (term.length >= 7 && Math.abs(stem.length - term.length) <= 1 && editDistance(stem, term) <= 1)
          stems.add(stem);
      }
    }
    return { weight: term.length >= 4 ? 2 : 1, stems, pound: alternatives.includes('£') };
  });
}

const COMPILED = new WeakMap<QuestionFrame, CompiledTerm[]>();

function hits(stems: Iterable<string>, term: CompiledTerm): boolean {
  for (const stem of stems) if (term.stems.has(stem)) return true;
  return false;
}

export function scoreSentence(
  sentence: Sentence,
  frame: QuestionFrame,
  cue: RegExp | undefined,
  index: ReadingIndex,
): number {
  let terms = COMPILED.get(frame);
  if (!terms) {
    terms = compile(frame, index);
    COMPILED.set(frame, terms);
  }
  let total = 0;
  for (const term of terms) {
    // A word of the sentence itself counts fully; one only in its item's title, half.
    if (hits(sentence.order, term) || (term.pound && sentence.text.includes('£'))) total += term.weight;
    else if (hits(sentence.titleStems, term)) total += term.weight / 2;
  }
  const years = frame.years;
  if (years.length > 0) {
    const own = financialYears(sentence.text);
    if (years.some((y) => own.includes(y))) total += 3;
  }
  if (cue?.test(sentence.text)) total += 3;
  if (frame.wants === 'amount' && AMOUNT.test(sentence.text)) total += 2;
  if (frame.wants === 'number' && NUMBER.test(sentence.text)) total += 1.5;
  if (frame.wants === 'date' && DATE_WORDS.test(sentence.text)) total += 2;
  if (frame.wants === 'frequency' && FREQUENCY.test(sentence.text)) total += 3;
  if (frame.wants === 'name' && hasPersonName(sentence.text)) total += 0.5;
  return total;
}
