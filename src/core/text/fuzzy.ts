/**
 * Typo tolerance. A word counts as a misspelling of a known term only when it is close
 * (Damerau-Levenshtein, so "raod" is one swap from "road") and is not itself a word the
 * partnership's documents use: "present" must never be read as a typo for "Prevent".
 */
import levenshtein from 'damerau-levenshtein';

/** Largest edit distance accepted for a word of this length. */
export function allowedTypos(length: number): number {
  if (length >= 8) return 2;
  if (length >= 4) return 1;
  return 0;
}

/** Edit distance (adjacent swaps count as one edit). */
export function editDistance(a: string, b: string): number {
  return levenshtein(a, b).steps;
}

/**
 * How far `typed` is from `known`: 0 for equal, the distance for an accepted typo, or null.
 * `isKnownWord` says whether `typed` is a real word of the corpus (then it is never a typo).
 */
export function typoDistance(typed: string, known: string, isKnownWord: (w: string) => boolean): number | null {
  if (typed === known) return 0;
  const allowed = Math.min(allowedTypos(typed.length), allowedTypos(known.length));
  if (allowed === 0 || Math.abs(typed.length - known.length) > allowed) return null;
  if (typed[0] !== known[0] && typed[1] !== known[1]) return null;
  if (isKnownWord(typed)) return null;
  const distance = editDistance(typed, known);
  return distance <= allowed ? distance : null;
}
