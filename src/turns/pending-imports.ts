/**
 * Previews of minutes waiting for Import or Cancel, kept in memory with an id and an expiry
 * (a preview is a proposal, not a record: a restart drops it, and pressing Import afterwards is
 * answered with a clear message). Each goes from waiting to importing to done once, so a
 * second press, or a redelivered one, gets the first press's answer.
 */
import { randomUUID } from 'node:crypto';
import type { Answer } from '../core/answers/answer.js';
import type { PreviewFile } from '../core/minutes-import/import-preview.js';

export type PendingState =
  | { kind: 'waiting' }
  | { kind: 'importing'; done: Promise<Answer> }
  | { kind: 'done'; answer: Answer }
  | { kind: 'cancelled' };

export interface PendingImport {
  id: string;
  /** The member who sent the files: only they may import or cancel. */
  userId: string;
  files: PreviewFile[];
  /** Partnerships the member may import into; the first is the one proposed. */
  partnershipIds: string[];
  expiresAt: number;
  state: PendingState;
}

export class PendingImports {
  private readonly entries = new Map<string, PendingImport>();

  constructor(
    private readonly ttlMs: number,
    private readonly clock: () => Date,
    private readonly maxEntries = 200,
  ) {}

  add(userId: string, files: PreviewFile[], partnershipIds: string[]): PendingImport {
    this.prune();
    // Oldest first out when full: a busy secretariat's previews are not kept forever.
    while (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    const entry: PendingImport = {
      id: randomUUID(),
      userId,
      files,
      partnershipIds,
      expiresAt: this.clock().getTime() + this.ttlMs,
      state: { kind: 'waiting' },
    };
    this.entries.set(entry.id, entry);
    return entry;
  }

  get(id: string): PendingImport | undefined {
    this.prune();
    return this.entries.get(id);
  }

  get minutes(): number {
    return Math.round(this.ttlMs / 60_000);
  }

  private prune(): void {
    const now = this.clock().getTime();
    for (const [id, entry] of this.entries)
      if (entry.expiresAt <= now && entry.state.kind !== 'importing') this.entries.delete(id);
  }
}
