/**
 * Answers questions for a partnership from whatever the store holds now. The knowledge base is
 * made again only when the partnership's revision changes, and then reuses the meeting index
 * (see meeting-indexes.ts) unless the meetings changed; `warm` builds what a partnership needs in
 * slices between turns, at start and right after each change is saved, so that questions find
 * it ready and building it never holds up anyone's turn.
 * The same question asked again on the same day, with the store unchanged, gets the same answer
 * object from a small cache: members of a channel often ask the same thing.
 */
import type { Meeting, Partnership, Person } from '../model/model.js';
import type { Answer } from './answer.js';
import { nextAgendaStart } from './answer-agenda.js';
import { answerQuestion } from './answer-question.js';
import type { Pause } from './build-in-slices.js';
import { KnowledgeBase } from './knowledge-base.js';
import { MeetingIndexes, sameObjects } from './meeting-indexes.js';
import { warmReadingIndex } from './reading-index.js';

/** Whether an answer service still shows these meetings (and people): a build for them is still wanted. */
export type ShownRecords = (meetings: readonly Meeting[], people?: readonly Person[]) => boolean;

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
    /** Shared with the other answer service, so that the same meetings are indexed once. */
    private readonly indexes = new MeetingIndexes(),
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
    const index = this.indexes.get(partnership.id, partnership.meetings);
    const kb = cached ? KnowledgeBase.refreshed(cached.kb, partnership, index) : new KnowledgeBase(partnership, index);
    this.cache.set(partnership.id, { revision, kb });
    this.indexes.hold(partnership.id, this, index);
    return kb;
  }

  /**
   * Makes the partnership's knowledge base (and the reading answerer's index) ready, building what
   * is missing in slices between turns. Called at start and after every saved change.
   */
  async warm(
    partnershipId: string,
    pause?: Pause,
    wanted: ShownRecords = (meetings, people) => this.shows(partnershipId, meetings, people),
  ): Promise<void> {
    // A change saved meanwhile may bring other meetings: warm again, a few times at most.
    for (let attempt = 0; attempt < 3; attempt++) {
      const partnership = this.source.partnership(partnershipId);
      if (!partnership) return;
      const index = await this.indexes.warm(partnership.id, partnership.meetings, pause, wanted);
      if (!index?.holds(this.source.partnership(partnershipId)?.meetings ?? [])) continue;
      const kb = this.knowledgeBase(partnershipId);
      if (kb) await warmReadingIndex(kb, pause, () => wanted(kb.meetingIndex.meetings, kb.partnership.people));
      return;
    }
  }

  /** Whether these are the partnership's meetings (and people) as this service shows them now. */
  shows(partnershipId: string, meetings: readonly Meeting[], people?: readonly Person[]): boolean {
    const now = this.source.partnership(partnershipId);
    return (
      now !== undefined &&
      sameObjects(now.meetings, meetings) &&
      (people === undefined || sameObjects(now.people, people))
    );
  }

  /** The answer to a question; treat it as read-only, it may be shared with later callers. */
  answer(text: string, partnershipId?: string): Answer | undefined {
    const kb = this.knowledgeBase(partnershipId);
    if (!kb) return undefined;
    const today = this.clock();
    const key = `${kb.partnership.id}|${this.source.revision(kb.partnership.id)}|${today.toISOString().slice(0, 10)}|${nextAgendaStart(kb.partnership.agendas, today)}|${text.trim().toLowerCase().replace(/\s+/g, ' ')}`;
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
