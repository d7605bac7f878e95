/**
 * Anything else in the minutes: finds the passage that best covers the question's words and
 * answers with the one or two sentences that hold them, with meeting and item. Confidence is
 * how much of the question's weight the passage covers; an unsure match says so and offers
 * the nearest items instead of answering.
 */
import { stemmer } from 'stemmer';
import { makeAnswer, type Answer } from './answer.js';
import { itemLabel, meetingLabel } from './format.js';
import { words } from '../text/normalise.js';
import { splitSentences } from '../text/sentences.js';
import { isStopword } from '../text/stopwords.js';
import { contentTerms, type KnowledgeBase, type Passage } from './knowledge-base.js';
import type { Question } from './question.js';

/** Share of the question's weight a passage must cover to be given as the answer. */
const CONFIDENT = 0.72;
/** Between this and CONFIDENT the closest passage is offered, saying plainly that it may not answer. */
const CLOSEST = 0.5;
/** Below this a passage is not even offered as a near match. */
const NEAR = 0.4;
const CANDIDATES = 12;
const MAX_SENTENCES = 2;

interface Scored {
  passage: Passage;
  coverage: number;
  rank: number;
}

/** Whether a passage holds a term, or a longer form of it the stemmer kept apart ("attend", "attendees"). */
function holds(present: ReadonlySet<string>, term: string): boolean {
  if (present.has(term)) return true;
  if (term.length < 5) return false;
  for (const p of present) if (p.startsWith(term) && p.length - term.length <= 2) return true;
  return false;
}

/** A stem shared without the word itself ("general" for "generate") is weaker evidence. */
const STEM_ONLY = 0.75;

function coverage(kb: KnowledgeBase, query: readonly QueryTerm[], passage: Passage): number {
  const present = kb.termsOf(passage);
  const written = kb.wordsOf(passage);
  let total = 0;
  let covered = 0;
  for (const { term, word } of query) {
    const weight = kb.weight(term);
    total += weight;
    if (written.has(word) || written.has(`${word}s`) || written.has(word.replace(/s$/, ''))) covered += weight;
    else if (holds(present, term)) covered += weight * STEM_ONLY;
  }
  return total === 0 ? 0 : covered / total;
}

/** The fewest sentences (at most two) that together hold the most of the question's weight. */
function bestSentences(kb: KnowledgeBase, terms: readonly string[], passage: Passage): string[] {
  const sentences = splitSentences(passage.text).map((text, index) => ({
    text,
    index,
    terms: new Set(contentTerms(text)),
  }));
  const remaining = new Set(
    terms.filter((t) => !new Set(contentTerms(passage.title)).has(t) || sentences.some((s) => s.terms.has(t))),
  );
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

export function searchPassages(kb: KnowledgeBase, query: readonly QueryTerm[]): Scored[] {
  if (query.length === 0) return [];
  const words = kb.expandAcronyms(query.map((q) => q.term)).join(' ');
  return kb.passageIndex
    .search(words, { combineWith: 'OR', boost: { title: 0.5 } })
    .slice(0, CANDIDATES)
    .map((hit, rank) => {
      const passage = kb.passages[Number(hit.id)];
      return passage ? { passage, coverage: coverage(kb, query, passage), rank } : null;
    })
    .filter((s): s is Scored => s !== null)
    .sort((a, b) => b.coverage - a.coverage || a.rank - b.rank);
}

const SEARCH_FILLER = new Set(['search', 'find', 'look', 'minutes', 'say', 'said', 'about']);

/** A question word as written and as the indexes hold it. */
export interface QueryTerm {
  word: string;
  term: string;
}

/** The question's content words, each with its stem, less the words of asking to search; one per stem. */
export function searchTerms(question: Question): QueryTerm[] {
  const seen = new Set<string>();
  return words(question.text)
    .filter((w) => !isStopword(w) && !/^\d+$/.test(w) && !SEARCH_FILLER.has(w))
    .map((word) => ({ word, term: stemmer(word) }))
    .filter(({ term }) => !seen.has(term) && seen.add(term) !== undefined);
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

export function answerSearch(
  kb: KnowledgeBase,
  question: Question,
  unknown: (suggestions: string[]) => Answer,
): Answer {
  const terms = searchTerms(question);
  const scored = searchPassages(kb, terms);
  const best = scored[0];
  if (!best || best.coverage < CLOSEST) return unknown(nearestItems(kb, scored));
  const ref = kb.item(`${best.passage.meetingId}#${best.passage.itemId}`);
  if (!ref) return unknown([]);
  const quoted = bestSentences(
    kb,
    terms.map((t) => t.term),
    best.passage,
  ).join(' ');
  const sure = best.coverage >= CONFIDENT;
  const summary = sure
    ? quoted
    : `I don't have a clear answer to that. The closest passage in the minutes (${meetingLabel(ref.meeting)}, ${itemLabel(ref.item)}) says: ${quoted}`;
  return makeAnswer(
    'search',
    sure ? `From the minutes: ${itemLabel(ref.item)}` : 'Closest match in the minutes',
    summary,
    {
      facts: [
        { title: 'Meeting', value: meetingLabel(ref.meeting) },
        { title: 'Item', value: itemLabel(ref.item) },
      ],
      sources: ref.item.sources,
      suggestions: nearestItems(kb, scored.slice(1))
        .filter((s) => !s.includes(ref.item.title))
        .slice(0, 2),
    },
  );
}
