/**
 * Group commit, the one write queue of the store and the actions journal: what is submitted while
 * a write is on its way to disk waits, and then goes in the next write, all together (one append,
 * one fsync). `commit` writes a batch, in order, and says for each item whether it was saved; each
 * is confirmed (or refused) only once its batch's write is over. Batches never overlap.
 */

export type Committed<R> = { saved: R } | { refused: unknown };

interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit<T, R> {
  private waiting: Waiting<T, R>[] = [];
  private flushing: Promise<void> | null = null;

  /** `commit` must answer for every item of the batch, in order; if it throws, the whole batch is refused with that error. */
  constructor(private readonly commit: (batch: readonly T[]) => Promise<readonly Committed<R>[]>) {}

  /** Resolves with what was saved once it is on disk; rejects, nothing saved, if it is refused or the write fails. */
  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      // Started on a later tick, so that what arrives in the same turn shares the write.
      this.flushing ??= Promise.resolve().then(() => this.flush());
    });
  }

  /** Resolves once everything submitted so far is settled. */
  async idle(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async flush(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting;
      this.waiting = [];
      let outcomes: readonly Committed<R>[];
      try {
        outcomes = await this.commit(batch.map((w) => w.item));
      } catch (error) {
        batch.forEach((w) => w.reject(error));
        continue;
      }
      batch.forEach((w, i) => {
        const outcome = outcomes[i];
        if (outcome && 'saved' in outcome) w.resolve(outcome.saved);
        else w.reject(outcome ? outcome.refused : new Error('the write gave no answer for this change'));
      });
    }
    // Set synchronously with the loop's last check, so that nothing submitted can go unseen.
    this.flushing = null;
  }
}
