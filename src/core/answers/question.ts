/**
 * A question read once into the parts every answer needs: its words and content terms, the
 * priorities and people it names, the meeting and financial year it refers to, an item code.
 */
import { normaliseSpacing, words } from '../text/normalise.js';
import type { PhraseMatch } from '../text/phrase-matcher.js';
import { contentTerms, type KnowledgeBase } from './knowledge-base.js';
import { readFinancialYears, readMeetingReference, type MeetingReference } from './meeting-reference.js';

export interface Question {
  text: string;
  lower: string;
  words: string[];
  terms: string[];
  /** Priorities and themes named, best match first. */
  topics: PhraseMatch[];
  /** People named, best match first. */
  people: PhraseMatch[];
  /** Recorded priority changes whose subject the question names ("Covid", "violent crime"). */
  changes: string[];
  meeting: MeetingReference | null;
  years: string[];
  itemCode: string | null;
  page: number;
}

const ITEM_CODE = /\b(?:item\s+)?([a-h]\d{1,2})\b/i;
const PAGE = /\bpage\s+(\d{1,3})\b/i;

export function readQuestion(kb: KnowledgeBase, raw: string, today: Date): Question {
  const text = normaliseSpacing(raw);
  const questionWords = words(text);
  const page = Number(PAGE.exec(text)?.[1] ?? 1);
  return {
    text,
    lower: text.toLowerCase(),
    words: questionWords,
    terms: contentTerms(text),
    topics: kb.topics.findTargets(questionWords),
    people: kb.people.findTargets(questionWords),
    changes: kb.changeSubjects.findTargets(questionWords).map((m) => m.id),
    meeting: readMeetingReference(text, today),
    years: readFinancialYears(text),
    itemCode: ITEM_CODE.exec(text)?.[1]?.toUpperCase() ?? null,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** The single priority or theme a question names, or the tied candidates when it is ambiguous. */
export function namedTopic(question: Question): { id: string | null; candidates: string[] } {
  const [best, ...rest] = question.topics;
  if (!best) return { id: null, candidates: [] };
  const tied = rest.filter((m) => m.score === best.score && m.id !== best.id).map((m) => m.id);
  return tied.length > 0 ? { id: null, candidates: [best.id, ...tied] } : { id: best.id, candidates: [best.id] };
}
