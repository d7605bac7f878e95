/**
 * Keeps the partnerships' knowledge bases ready: at start for every partnership (the default one
 * first), and after each saved change for the partnerships it touched, so that the next question
 * does not wait for a build. One partnership at a time, each built in slices between turns.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { AnswerService, ShownRecords } from './answer-service.js';
import { nextTurnPause, type Pause } from './build-in-slices.js';

export class KnowledgeWarmer {
  private readonly queue = new Set<string>();
  private running: Promise<void> | null = null;
  private current: string | null = null;
  private stopped = false;

  constructor(
    private readonly services: readonly AnswerService[],
    private readonly onError: (error: unknown) => void = () => undefined,
    /** Awaited between slices of a build: members' turns in progress go first. */
    private readonly pause: Pause = nextTurnPause,
    /** What a partnership's build needs done first, in slices too (its records read from disk). */
    private readonly prepare: (partnershipId: string, pause: Pause) => Promise<void> = async () => undefined,
  ) {}

  /** Queues these partnerships (each once) and starts warming them if not under way. */
  warm(partnershipIds: Iterable<string>): void {
    if (this.stopped) return;
    for (const id of partnershipIds) this.queue.add(id);
    // On a later turn: the reply confirming a change goes out before its knowledge base is refreshed.
    this.running ??= nextTurn().then(() => this.run());
  }

  /** How many partnerships' knowledge bases are queued or being built now (for /healthz). */
  building(): number {
    return this.queue.size + (this.current === null ? 0 : 1);
  }

  /** Resolves once everything queued is ready (tests, the benchmark). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Warms nothing more; resolves once the partnership under way is done. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.queue.clear();
    await this.idle();
  }

  private async run(): Promise<void> {
    try {
      for (const id of this.queue) {
        this.queue.delete(id);
        this.current = id;
        await this.prepare(id, this.pause);
        // A build is given up only once no service shows its meetings: the members' and the
        // published answers share one when their meetings are the same.
        const wanted: ShownRecords = (meetings, people) => this.services.some((s) => s.shows(id, meetings, people));
        for (const service of this.services) await service.warm(id, this.pause, wanted);
        this.current = null;
      }
    } catch (error) {
      // A question builds what it needs itself: a failed warm-up only loses the head start.
      this.onError(error);
    } finally {
      this.current = null;
      this.running = null;
      if (this.queue.size > 0) this.running = this.run();
    }
  }
}
