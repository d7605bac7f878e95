/**
 * Acronyms as the documents define them: "Crime Reduction Grant (CRG)", "Multiagency Risk
 * Assessment Conference (MARAC)". Learnt from the text, so a question saying "DHR" finds a
 * passage that spells out "Domestic Homicide Reviews", and the other way round.
 */

const DEFINITION =
  /(?<![\w'’-])((?:[A-Z][\w'’-]*\s+(?:(?:of|and|for|the|to|on|in|against)\s+)?){1,8})\(([A-Z]{2,6})s?\)/g;
const LITTLE = /^(of|and|for|the|to|on|in)$/i;

function initials(word: string): string {
  return word
    .split('-')
    .map((part) => part.charAt(0).toUpperCase())
    .join('');
}

/** Whether the capitalised words' initials spell the acronym in order. */
function spells(words: readonly string[], acronym: string): boolean {
  const letters = words
    .filter((w) => !LITTLE.test(w))
    .map(initials)
    .join('');
  return letters === acronym;
}

/** Acronym (lower case) -> the words of its long form, from every definition in the texts. */
export function findAcronyms(texts: Iterable<string>): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const text of texts) {
    for (const match of text.matchAll(DEFINITION)) {
      const acronym = match[2] ?? '';
      const candidate = (match[1] ?? '').trim().split(/\s+/);
      // The long form is the shortest tail of the words before "(" whose initials spell it.
      for (let start = candidate.length - 1; start >= 0; start--) {
        const words = candidate.slice(start);
        if (LITTLE.test(words[0] ?? '')) continue;
        if (spells(words, acronym)) {
          if (!found.has(acronym.toLowerCase()))
            found.set(
              acronym.toLowerCase(),
              words.filter((w) => !LITTLE.test(w)),
            );
          break;
        }
      }
    }
  }
  return found;
}
