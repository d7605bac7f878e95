/**
 * Answers questions for a partnership from whatever the store holds now. The knowledge base is
 * rebuilt only when the store's revision changes, so a question costs a lookup, not an index.
 */
import type { Partnership } from '../model.js';
import type { Answer } from './answer.js';
import { answerQuestion } from './answer-question.js';
import { KnowledgeBase } from './knowledge-base.js';

export interface PartnershipSource {
  partnership(id?: string): Partnership | undefined;
  revision(): number;
}

export class AnswerService {
  private readonly cache = new Map<string, { revision: number; kb: KnowledgeBase }>();

  constructor(
    private readonly source: PartnershipSource,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  knowledgeBase(partnershipId?: string): KnowledgeBase | undefined {
    const partnership = this.source.partnership(partnershipId);
    if (!partnership) return undefined;
    const revision = this.source.revision();
    const cached = this.cache.get(partnership.id);
    if (cached && cached.revision === revision) return cached.kb;
    const kb = new KnowledgeBase(partnership);
    this.cache.set(partnership.id, { revision, kb });
    return kb;
  }

  answer(text: string, partnershipId?: string): Answer | undefined {
    const kb = this.knowledgeBase(partnershipId);
    return kb ? answerQuestion(kb, text, this.clock()) : undefined;
  }
}
