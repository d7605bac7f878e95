/**
 * Finds known phrases (priority names and their everyday aliases, people's names) inside a
 * question, tolerating plurals, typos and little words in between: "raod saftey", "the road
 * safety priority" and "roads" all find Road Safety. Phrases are data, never code.
 */
import { stemmer } from 'stemmer';
import { boundedMemo } from './bounded-memo.js';
import { typoDistance } from './fuzzy.js';
import { isStopword } from './stopwords.js';
import { wordsOfName } from './normalise.js';

export interface PhraseTarget {
  /** What the phrase stands for (a priority id, a person id...). */
  id: string;
  phrase: string;
}

export interface PhraseMatch {
  id: string;
  phrase: string;
  /** Letters matched, less a penalty per typo: longer, exact phrases win. */
  score: number;
  /** Word positions in the question, end exclusive. */
  start: number;
  end: number;
  typos: number;
}

interface CompiledPhrase {
  target: PhraseTarget;
  tokens: readonly string[];
  stems: readonly string[];
}

/** A phrase's words and stems, remembered: a matcher is made again for each version of the records. */
const compiled = boundedMemo((phrase: string): Omit<CompiledPhrase, 'target'> => {
  const all = wordsOfName(phrase);
  // Keep little words only when the phrase is nothing but little words (e.g. "prevent" is not, "it" would be).
  const content = all.filter((w) => !isStopword(w));
  const tokens = content.length > 0 ? content : [...all];
  return { tokens, stems: tokens.map((t) => stemmer(t)) };
}, 50_000);

/** How many question words may sit between two words of a phrase ("road *and* safety" no; "safety of roads" no). */
const MAX_GAP = 1;

export class PhraseMatcher {
  private readonly phrases: CompiledPhrase[];

  constructor(
    targets: readonly PhraseTarget[],
    private readonly isKnownWord: (w: string) => boolean,
  ) {
    this.phrases = targets.map((target) => ({ target, ...compiled(target.phrase) })).filter((p) => p.tokens.length > 0);
  }

  /** Every phrase found in `questionWords`, best first, at most one match per phrase. */
  findAll(questionWords: readonly string[]): PhraseMatch[] {
    const stems = questionWords.map((w) => stemmer(w));
    const found: PhraseMatch[] = [];
    for (const phrase of this.phrases) {
      const match = this.matchPhrase(phrase, questionWords, stems);
      if (match) found.push(match);
    }
    return found.sort((a, b) => b.score - a.score || a.start - b.start);
  }

  /** The best match per target id, best first. */
  findTargets(questionWords: readonly string[]): PhraseMatch[] {
    const best = new Map<string, PhraseMatch>();
    for (const m of this.findAll(questionWords)) {
      if (!best.has(m.id)) best.set(m.id, m);
    }
    return [...best.values()];
  }

  private matchPhrase(phrase: CompiledPhrase, q: readonly string[], qStems: readonly string[]): PhraseMatch | null {
    let best: PhraseMatch | null = null;
    for (let start = 0; start < q.length; start++) {
      const first = this.tokenDistance(phrase, 0, q, qStems, start);
      if (first === null) continue;
      let typos = first;
      let position = start;
      let matched = 1;
      for (let t = 1; t < phrase.tokens.length; t++) {
        const next = this.findNext(phrase, t, q, qStems, position + 1);
        if (!next) break;
        typos += next.distance;
        position = next.position;
        matched++;
      }
      if (matched < phrase.tokens.length) continue;
      // A phrase made only of typos must be long enough to be trusted ("raod saftey" yes, "rod" no).
      const letters = phrase.tokens.reduce((n, t) => n + t.length, 0);
      if (typos > phrase.tokens.length || (typos > 0 && letters < 6)) continue;
      const score = letters - 2 * typos;
      if (!best || score > best.score) {
        best = { id: phrase.target.id, phrase: phrase.target.phrase, score, start, end: position + 1, typos };
      }
    }
    return best;
  }

  private findNext(
    phrase: CompiledPhrase,
    tokenIndex: number,
    q: readonly string[],
    qStems: readonly string[],
    from: number,
  ): { position: number; distance: number } | null {
    let gap = 0;
    for (let i = from; i < q.length && gap <= MAX_GAP; i++) {
      const distance = this.tokenDistance(phrase, tokenIndex, q, qStems, i);
      if (distance !== null) return { position: i, distance };
      if (!isStopword(q[i] ?? '')) gap++;
    }
    return null;
  }

  private tokenDistance(
    phrase: CompiledPhrase,
    tokenIndex: number,
    q: readonly string[],
    qStems: readonly string[],
    i: number,
  ): number | null {
    const word = q[i];
    const token = phrase.tokens[tokenIndex];
    if (word === undefined || token === undefined) return null;
    if (word === token || qStems[i] === phrase.stems[tokenIndex]) return 0;
    return typoDistance(word, token, this.isKnownWord);
  }
}
