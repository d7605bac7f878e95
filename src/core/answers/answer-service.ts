/**
 * Answers questions for a partnership from whatever the store holds now. The knowledge base is
 * rebuilt only when the store's revision changes, so a question costs a lookup, not an index.
 * The same question asked again on the same day, with the store unchanged, gets the same answer
 * object from a small cache: members of a channel often ask the same thing.
 */
import type { Partnership } from '../model/model.js';
import type { Answer } from './answer.js';
import { answerQuestion } from './answer-question.js';
import { KnowledgeBase } from './knowledge-base.js';

export interface PartnershipSource {
  partnership(id?: string): Partnership | undefined;
  /** Changes whenever that partnership's data changes. */
  revision(partnershipId: string): number;
}

/** Distinct questions remembered; the oldest are forgotten first. */
const ANSWER_CACHE_SIZE = 500;
/** And at most this much memory (UTF-16 characters of question and answer, counted twice): one member's long questions cannot grow the process. */
const ANSWER_CACHE_BYTES = 8 * 1024 * 1024;
/** A single answer this large is not kept at all. */
const ANSWER_ENTRY_BYTES = 256 * 1024;

export class AnswerService {
  private readonly cache = new Map<string, { revision: number; kb: KnowledgeBase }>();
  private readonly answers = new Map<string, { answer: Answer; bytes: number }>();
  private cachedBytes = 0;

  constructor(
    private readonly source: PartnershipSource,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** What the answer cache holds now, for the tests and the benchmark. */
  cacheSize(): { entries: number; bytes: number } {
    return { entries: this.answers.size, bytes: this.cachedBytes };
  }

  knowledgeBase(partnershipId?: string): KnowledgeBase | undefined {
    const partnership = this.source.partnership(partnershipId);
    if (!partnership) return undefined;
    const revision = this.source.revision(partnership.id);
    const cached = this.cache.get(partnership.id);
    if (cached && cached.revision === revision) return cached.kb;
    const kb = cached ? KnowledgeBase.refreshed(cached.kb, partnership) : new KnowledgeBase(partnership);
    this.cache.set(partnership.id, { revision, kb });
    return kb;
  }

  /** The answer to a question; treat it as read-only, it may be shared with later callers. */
  answer(text: string, partnershipId?: string): Answer | undefined {
    const kb = this.knowledgeBase(partnershipId);
    if (!kb) return undefined;
    const today = this.clock();
    const key = `${kb.partnership.id}|${this.source.revision(kb.partnership.id)}|${today.toISOString().slice(0, 10)}|${text.trim().toLowerCase().replace(/\s+/g, ' ')}`;
    const cached = this.answers.get(key);
    if (cached) {
      // Refresh its place so that frequent questions stay.
      this.answers.delete(key);
      this.answers.set(key, cached);
      return cached.answer;
    }
    const answer = answerQuestion(kb, text, today);
    const bytes = (key.length + JSON.stringify(answer).length) * 2;
    if (bytes > ANSWER_ENTRY_BYTES) return answer;
    this.answers.set(key, { answer, bytes });
    this.cachedBytes += bytes;
    while (this.answers.size > ANSWER_CACHE_SIZE || this.cachedBytes > ANSWER_CACHE_BYTES) {
      const [oldest, entry] = this.answers.entries().next().value as [string, { bytes: number }];
      this.answers.delete(oldest);
      this.cachedBytes -= entry.bytes;
    }
    return answer;
  }
}
