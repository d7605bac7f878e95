/**
 * Answers questions for a partnership from whatever the store holds now. The knowledge base is
 * rebuilt only when the store's revision changes, so a question costs a lookup, not an index.
 * The same question asked again on the same day, with the store unchanged, gets the same answer
 * object from a small cache: members of a channel often ask the same thing.
 */
import type { Partnership } from '../model.js';
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

export class AnswerService {
  private readonly cache = new Map<string, { revision: number; kb: KnowledgeBase }>();
  private readonly answers = new Map<string, Answer>();

  constructor(
    private readonly source: PartnershipSource,
    private readonly clock: () => Date = () => new Date(),
  ) {}

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
      return cached;
    }
    const answer = answerQuestion(kb, text, today);
    this.answers.set(key, answer);
    if (this.answers.size > ANSWER_CACHE_SIZE) this.answers.delete(this.answers.keys().next().value as string);
    return answer;
  }
}
