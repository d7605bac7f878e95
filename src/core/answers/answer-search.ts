/**
 * Anything else in the minutes: finds the passage that best covers the question's words and
 * answers with the one or two sentences that hold them, with meeting and item. Confidence is
 * how much of the question's weight the passage covers; an unsure match says so and offers
 * the nearest items instead of answering.
 */
import { stemmer } from 'stemmer';
import { makeAnswer, type Answer } from './answer.js';
import { itemLabel, meetingLabel } from './format.js';
import { splitSentences } from '../text/sentences.js';
import { contentTerms, type KnowledgeBase, type Passage } from './knowledge-base.js';
import type { Question } from './question.js';

/** Share of the question's weight a passage must cover to be given as the answer. */
const CONFIDENT = 0.72;
/** Below this a passage is not even offered as a near match. */
const NEAR = 0.4;
const CANDIDATES = 12;
const MAX_SENTENCES = 2;

interface Scored {
  passage: Passage;
  coverage: number;
  rank: number;
}

function coverage(kb: KnowledgeBase, terms: readonly string[], passage: Passage): number {
  const present = kb.termsOf(passage);
  let total = 0;
  let covered = 0;
  for (const term of new Set(terms)) {
    const weight = kb.weight(term);
    total += weight;
    if (present.has(term)) covered += weight;
  }
  return total === 0 ? 0 : covered / total;
}

/** The fewest sentences (at most two) that together hold the most of the question's weight. */
function bestSentences(kb: KnowledgeBase, terms: readonly string[], passage: Passage): string[] {
  const sentences = splitSentences(passage.text).map((text, index) => ({ text, index, terms: new Set(contentTerms(text)) }));
  const remaining = new Set(terms.filter((t) => !new Set(contentTerms(passage.title)).has(t) || sentences.some((s) => s.terms.has(t))));
  const chosen: typeof sentences = [];
  while (chosen.length < MAX_SENTENCES && remaining.size > 0) {
    let best: (typeof sentences)[number] | undefined;
    let bestGain = 0;
    for (const sentence of sentences) {
      if (chosen.includes(sentence)) continue;
      let gain = 0;
      for (const t of remaining) if (sentence.terms.has(t)) gain += kb.weight(t);
      if (gain > bestGain) {
        best = sentence;
        bestGain = gain;
      }
    }
    if (!best) break;
    chosen.push(best);
    for (const t of best.terms) remaining.delete(t);
  }
  if (chosen.length === 0 && sentences[0]) chosen.push(sentences[0]);
  return chosen.sort((a, b) => a.index - b.index).map((s) => s.text);
}

export function searchPassages(kb: KnowledgeBase, terms: readonly string[]): Scored[] {
  if (terms.length === 0) return [];
  // The index holds words, not stems: retrieval is by stems of the expanded terms via processTerm.
  const query = kb.expandAcronyms(terms).join(' ');
  return kb.passageIndex
    .search(query, { combineWith: 'OR', boost: { title: 0.5 } })
    .slice(0, CANDIDATES)
    .map((hit, rank) => {
      const passage = kb.passages[Number(hit.id)];
      return passage ? { passage, coverage: coverage(kb, terms, passage), rank } : null;
    })
    .filter((s): s is Scored => s !== null)
    .sort((a, b) => b.coverage - a.coverage || a.rank - b.rank);
}

const SEARCH_FILLER = new Set(['search', 'find', 'look', 'minut', 'sai', 'said', 'about'].map((w) => stemmer(w)));

/** The question's content terms, as the indexes hold them, less the words of asking to search. */
export function searchTerms(question: Question): string[] {
  return question.terms.filter((t) => !SEARCH_FILLER.has(t));
}

export function nearestItems(kb: KnowledgeBase, scored: readonly Scored[]): string[] {
  const seen = new Set<string>();
  const titles: string[] = [];
  for (const s of scored) {
    if (s.coverage < NEAR) continue;
    const ref = kb.item(`${s.passage.meetingId}#${s.passage.itemId}`);
    if (!ref || seen.has(ref.item.title)) continue;
    seen.add(ref.item.title);
    titles.push(`What did we resolve about ${ref.item.title}?`);
  }
  return titles.slice(0, 3);
}

export function answerSearch(kb: KnowledgeBase, question: Question, unknown: (suggestions: string[]) => Answer): Answer {
  const terms = searchTerms(question);
  const scored = searchPassages(kb, terms);
  const best = scored[0];
  if (!best || best.coverage < CONFIDENT) return unknown(nearestItems(kb, scored));
  const ref = kb.item(`${best.passage.meetingId}#${best.passage.itemId}`);
  if (!ref) return unknown([]);
  const sentences = bestSentences(kb, terms, best.passage);
  return makeAnswer('search', `From the minutes: ${itemLabel(ref.item)}`, sentences.join(' '), {
    facts: [
      { title: 'Meeting', value: meetingLabel(ref.meeting) },
      { title: 'Item', value: itemLabel(ref.item) },
    ],
    sources: ref.item.sources,
    suggestions: nearestItems(kb, scored.slice(1)).filter((s) => !s.includes(ref.item.title)).slice(0, 2),
  });
}
