/**
 * Text normalisation shared by every matcher: one definition of "the same words", so that a
 * question typed on a phone with curly quotes, dashes or odd spacing meets the stored text on
 * equal terms.
 */

const CURLY_QUOTES = /[\u2018\u2019\u201A\u201B\u2032]/g;
const CURLY_DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const SPACES = /[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]+/g;

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

/** Lower case, `&` as "and", punctuation to spaces (keeping `/` inside years like 2023/24). */
export function foldForMatching(text: string): string {
  return normaliseSpacing(text)
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/(\d)\/(\d)/g, '$1\u0000$2')
    .replace(/'s\b/g, '')
    .replace(/[^a-z0-9\u0000£%]+/g, ' ')
    .replace(/\u0000/g, '/')
    .replace(/ +/g, ' ')
    .trim();
}

/** Words of a text after folding; "anti-social" gives "anti" and "social". */
export function words(text: string): string[] {
  const folded = foldForMatching(text);
  return folded === '' ? [] : folded.split(' ');
}
