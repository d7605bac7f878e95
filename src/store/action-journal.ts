/**
 * The partnership's actions, kept in an append-only journal beside the store (`<DATA_FILE>.actions`,
 * one JSON line per saved version of an action) so that logging one costs one fsync'd append,
 * whatever the number already held; the whole store file is not rewritten. On open the journal is
 * replayed (the last version of each action wins); a line torn by a crash mid-append is the only
 * thing skipped, and anything else unreadable stops the bot with the line number. Compaction
 * rewrites the journal atomically with one line per action.
 */
import { open, readFile, rename, type FileHandle } from 'node:fs/promises';
import { z } from 'zod';
import type { Action } from '../core/model.js';
import { keepDamagedCopy, StoreError } from './store-error.js';

const person = z.strictObject({ id: z.string(), name: z.string() });
export const actionSchema = z.strictObject({
  id: z.string().min(1),
  partnershipId: z.string().min(1),
  number: z.number().int().min(1),
  owner: z.strictObject({ name: z.string().min(1), personId: z.string().optional(), userId: z.string().optional() }),
  description: z.string().min(1).max(2000),
  due: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  priorityId: z.string().optional(),
  meeting: z.strictObject({ meetingId: z.string(), itemId: z.string().optional() }).optional(),
  status: z.enum(['open', 'in progress', 'done', 'dropped']),
  createdBy: person,
  createdAt: z.string(),
  sourceActivityId: z.string().optional(),
  history: z.array(
    z.strictObject({ at: z.string(), by: person, change: z.enum(['created', 'status', 'edited']), from: z.string().optional(), to: z.string().optional() }),
  ),
});

export class ActionJournal {
  private readonly actions = new Map<string, Action>();
  private readonly bySource = new Map<string, string>();
  private readonly highest = new Map<string, number>();
  /** Numbers handed out to actions still on their way to disk. */
  private readonly reserved = new Map<string, number>();
  /** The newest version of each action still on its way to disk: later changes build on it. */
  private readonly unsaved = new Map<string, Action>();
  private waiting: { action: Action; resolve: (action: Action) => void; reject: (error: unknown) => void }[] = [];
  private flushing: Promise<void> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private lines = 0;

  private constructor(
    private readonly file: string,
    private handle: FileHandle,
  ) {}

  static async open(file: string): Promise<ActionJournal> {
    let text = '';
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const journal = new ActionJournal(file, await open(file, 'a'));
    try {
      journal.replay(text);
    } catch (error) {
      await journal.handle.close();
      throw error instanceof StoreError ? await keepDamagedCopy(error, file) : error;
    }
    // A crash mid-append leaves a torn last line, never confirmed: cut it off, or the next append would join it.
    const complete = text.lastIndexOf('\n') + 1;
    if (complete < text.length) {
      await journal.handle.truncate(Buffer.byteLength(text.slice(0, complete)));
      await journal.handle.sync();
    }
    return journal;
  }

  private replay(text: string): void {
    const lines = text.split('\n');
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      const isLast = index === lines.length - 1;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        // A crash mid-append leaves the last line without its newline: that write was never confirmed.
        if (isLast) return;
        throw new StoreError(`the actions journal is damaged at line ${index + 1}; restore it from a backup`, this.file);
      }
      const checked = actionSchema.safeParse(parsed);
      if (!checked.success) throw new StoreError(`the actions journal has an invalid action at line ${index + 1}: ${checked.error.issues[0]?.message}`, this.file);
      this.remember(checked.data);
      this.lines++;
    });
  }

  private remember(action: Action): void {
    this.actions.set(action.id, action);
    if (action.sourceActivityId) this.bySource.set(`${action.partnershipId}|${action.sourceActivityId}`, action.id);
    this.highest.set(action.partnershipId, Math.max(this.highest.get(action.partnershipId) ?? 0, action.number));
  }

  all(partnershipId: string): Action[] {
    return [...this.actions.values()].filter((a) => a.partnershipId === partnershipId).sort((a, b) => a.number - b.number);
  }

  get(partnershipId: string, number: number): Action | undefined {
    return this.actions.get(`${partnershipId}#${number}`);
  }

  /** The action a Teams activity already logged (or is logging), if it was delivered before. */
  loggedBy(partnershipId: string, activityId: string): Action | undefined {
    const id = this.bySource.get(`${partnershipId}|${activityId}`);
    return id ? (this.unsaved.get(id) ?? this.actions.get(id)) : undefined;
  }

  /**
   * Saves a new action with the next number, durably, before resolving. Numbers are handed out
   * in order, so they are unique; `make` receives the number.
   */
  add(partnershipId: string, make: (number: number) => Action): Promise<Action> {
    try {
      const number = Math.max(this.reserved.get(partnershipId) ?? 0, this.highest.get(partnershipId) ?? 0) + 1;
      const action = actionSchema.parse(make(number));
      this.reserved.set(partnershipId, number);
      return this.append(action);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Saves a new version of an existing action, durably, before resolving. */
  save(next: (current: Action) => Action | null, partnershipId: string, number: number): Promise<Action | null> {
    try {
      const id = `${partnershipId}#${number}`;
      const current = this.unsaved.get(id) ?? this.actions.get(id);
      const updated = current ? next(structuredClone(current)) : null;
      return updated ? this.append(actionSchema.parse(updated)) : Promise.resolve(null);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private append(action: Action): Promise<Action> {
    this.unsaved.set(action.id, action);
    if (action.sourceActivityId) this.bySource.set(`${action.partnershipId}|${action.sourceActivityId}`, action.id);
    return new Promise((resolve, reject) => {
      this.waiting.push({ action, resolve, reject });
      this.flushing ??= Promise.resolve().then(() => this.flush());
    });
  }

  /**
   * Group commit: every version waiting is appended in one write and one fsync, and each is
   * confirmed only after it. While one write is on its way to disk, the next batch gathers.
   */
  private async flush(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting;
      this.waiting = [];
      try {
        await this.serialise(async () => {
          await this.handle.write(batch.map((w) => `${JSON.stringify(w.action)}\n`).join(''));
          await this.handle.datasync();
        });
      } catch (error) {
        for (const w of batch) {
          if (this.unsaved.get(w.action.id) === w.action) this.unsaved.delete(w.action.id);
          w.reject(error);
        }
        continue;
      }
      for (const w of batch) {
        this.remember(w.action);
        this.lines++;
        if (this.unsaved.get(w.action.id) === w.action) this.unsaved.delete(w.action.id);
        w.resolve(w.action);
      }
    }
    // Set synchronously with the loop's last check, so that no version can arrive unseen.
    this.flushing = null;
  }

  private serialise<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Replaces every action with these (a restore), durably: temp file, fsync, rename. */
  replaceAll(actions: readonly Action[]): Promise<void> {
    return this.serialise(async () => {
      this.actions.clear();
      this.bySource.clear();
      this.highest.clear();
      this.reserved.clear();
      for (const action of actions) this.remember(actionSchema.parse(action));
      await this.rewrite();
    });
  }

  /** Rewrites the journal with one line per action (temp file, fsync, rename). */
  compact(): Promise<void> {
    return this.serialise(async () => {
      if (this.lines === this.actions.size) return;
      await this.rewrite();
    });
  }

  private async rewrite(): Promise<void> {
    const temporary = `${this.file}.${process.pid}.tmp`;
    const out = await open(temporary, 'w');
    await out.writeFile([...this.actions.values()].map((a) => `${JSON.stringify(a)}\n`).join(''));
    await out.sync();
    await out.close();
    await this.handle.close();
    await rename(temporary, this.file);
    this.handle = await open(this.file, 'a');
    this.lines = this.actions.size;
  }

  async close(): Promise<void> {
    await this.flushing;
    await this.queue;
    await this.handle.close();
  }
}
