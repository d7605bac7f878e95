/**
 * Text normalisation shared by every matcher: one definition of "the same words", so that a
 * question typed on a phone with curly quotes, dashes or odd spacing meets the stored text on
 * equal terms.
 */
import { boundedMemo } from './bounded-memo.js';

const CURLY_QUOTES = /[\u2018\u2019\u201A\u201B\u2032]/g;
const CURLY_DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const SPACES = /[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]+/g;

/**
 * Every run of white space as one space, trimmed; nothing else changed. Commands read their
 * wording from this, so their patterns need no `\s*` beside a `.+?` (which backtracks
 * super-linearly on long runs of spaces).
 */
export function singleSpaced(text: string): string {
  return text.replace(SPACES, ' ').trim();
}

/** The text without any of `chars` at its end; a loop, as `/[,\s]+$/` is quadratic on long runs. */
export function trimTrailing(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text.charAt(end - 1))) end -= 1;
  return text.slice(0, end);
}

/** Straight quotes, plain dashes, single spaces; case kept. */
export function normaliseSpacing(text: string): string {
  return text
    .normalize('NFKC')
    .replace(CURLY_QUOTES, "'")
    .replace(CURLY_DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .replace(SPACES, ' ')
    .trim();
}

const NON_ASCII = /[^\u0000-\u007f]/;

/** Lower case, `&` as "and", punctuation to spaces (keeping `/` inside years like 2023/24). */
export function foldForMatching(text: string): string {
  // Plain ASCII has nothing for normaliseSpacing to change that the last steps do not (its white
  // space becomes punctuation's single space): skipped, it halves the time of the knowledge base's
  // commonest step.
  return (NON_ASCII.test(text) ? normaliseSpacing(text) : text)
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/(\d)\/(\d)/g, '$1\u0000$2')
    .replace(/'s\b/g, '')
    .replace(/[^a-z0-9\u0000£%]+/g, ' ')
    .replace(/\u0000/g, '/')
    .trim();
}

/** Words of a text after folding; "anti-social" gives "anti" and "social". */
export function words(text: string): string[] {
  const folded = foldForMatching(text);
  return folded === '' ? [] : folded.split(' ');
}

/**
 * The words of a name or short phrase (a person, a priority, an alias), remembered (up to far more
 * names than a county has): the same names are read again for every version of a partnership's
 * records, that is after every change.
 */
export const wordsOfName: (name: string) => readonly string[] = boundedMemo(words, 50_000);
