/**
 * How well one sentence of the minutes holds what a question asks: the topic's words (a typed
 * prefix counts, for abbreviations such as "resi" or "apols"; a near spelling counts, for typos),
 * financial years in any form ("2023/24", "23-24"), the kind's cue word, and the kind of fact
 * wanted (an amount, a number, a date, a frequency, a name).
 */
import { editDistance } from '../text/fuzzy.js';
import { financialYears, type QuestionFrame } from './question-frame.js';
import type { Sentence } from './reading-index.js';

const AMOUNT = /£\s?\d|\b\d+(?:\.\d+)?\s?(?:k|m|million|thousand)\b/i;
const NUMBER = /\b\d[\d,]*(?:\.\d+)?%?/;
const DATE_WORDS = /\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/i;
const FREQUENCY = /\b(?:twice|once|three times|four times|every|quarterly|monthly|annually|yearly|bi-?annual\w*|weekly)\b/i;
/** Everyday words that are not names, though capitalised in titles and lists. */
const NOT_NAMES = new Set(['the', 'chair', 'chairman', 'vice', 'board', 'members', 'member', 'partnership', 'community', 'safety', 'council', 'meeting', 'minutes', 'apologies', 'agenda', 'item', 'police', 'service', 'services', 'borough', 'district', 'county', 'strategy', 'team', 'officer', 'group', 'executive', 'committee', 'update', 'report', 'action', 'present', 'attendance', 'declarations', 'interest', 'introductions', 'welcome', 'and', 'of']);
const CAPITALISED_RUN = /\b[A-Z][a-zA-Z'’-]*\.?(?:\s+[A-Z][a-zA-Z'’-]*)+/g;
const SYNONYMS: Record<string, string[]> = { led: ['lead'], lead: ['led'], subbed: ['substitut'], sub: ['substitut'], cost: ['£', 'contract', 'fund'], dv: ['domest'], apol: ['apolog'], often: ['twice', 'quarter', 'month', 'annual', 'year'] };

/** Whether a text names a person: a run of capitalised words whose last word is not an everyday one. */
export function hasPersonName(text: string): boolean {
  for (const m of text.matchAll(CAPITALISED_RUN)) {
    const own = m[0].split(/\s+/).filter((w) => /^[A-Z][a-z]/.test(w) && !NOT_NAMES.has(w.toLowerCase().replace(/\.$/, '')));
    if (own.length >= 2) return true;
  }
  return false;
}

function matchesTerm(sentence: Sentence, stems: Set<string>, term: string): boolean {
  const alternatives = [term, ...(SYNONYMS[term] ?? [])];
  for (const t of alternatives) {
    if (t === '£' ? sentence.text.includes('£') : stems.has(t)) return true;
  }
  for (const stem of stems) {
    if (term.length >= 3 && stem.startsWith(term)) return true;
    if (term.length >= 7 && Math.abs(stem.length - term.length) <= 1 && stem[0] === term[0] && editDistance(stem, term) <= 1) return true;
  }
  return false;
}

export function scoreSentence(sentence: Sentence, frame: QuestionFrame, cue: RegExp | undefined): number {
  let total = 0;
  for (const term of new Set(frame.terms)) {
    const weight = term.length >= 4 ? 2 : 1;
    // A word of the sentence itself counts fully; one only in its item's title, half.
    if (matchesTerm(sentence, sentence.stems, term)) total += weight;
    else if (matchesTerm(sentence, sentence.titleStems, term)) total += weight / 2;
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
