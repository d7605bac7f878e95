/**
 * The partnership's actions, kept in an append-only journal beside the store (`<DATA_FILE>.actions`,
 * one JSON line per saved version of an action) so that logging one costs one fsync'd append,
 * whatever the number already held; the whole store file is not rewritten. On open the journal is
 * replayed (the last version of each action wins); a line torn by a crash mid-append is the only
 * thing skipped, and anything else unreadable stops the bot with the line number. Compaction
 * rewrites the journal atomically with one line per action.
 */
import { z } from 'zod';
import type { Action } from '../core/model/model.js';
import { saveFailed } from '../core/records/save-failed.js';
import { AppendFile, journalValues, readJournalText } from './append-file.js';
import { GroupCommit, type Committed } from './group-commit.js';
import { replaceFile } from './replace-file.js';
import { keepDamagedCopy, StoreError } from './store-error.js';

const person = z.strictObject({ id: z.string(), name: z.string() });
export const actionSchema = z.strictObject({
  id: z.string().min(1),
  partnershipId: z.string().min(1),
  number: z.number().int().min(1),
  owner: z.strictObject({ name: z.string().min(1), personId: z.string().optional(), userId: z.string().optional() }),
  description: z.string().min(1).max(2000),
  due: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  priorityId: z.string().optional(),
  meeting: z.strictObject({ meetingId: z.string(), itemId: z.string().optional() }).optional(),
  status: z.enum(['open', 'in progress', 'done', 'dropped']),
  createdBy: person,
  createdAt: z.string(),
  sourceActivityId: z.string().optional(),
  history: z.array(
    z.strictObject({
      at: z.string(),
      by: person,
      change: z.enum(['created', 'status', 'edited']),
      from: z.string().optional(),
      to: z.string().optional(),
      undone: z.string().optional(),
    }),
  ),
});

/** Each action version in the journal's whole lines, in order; throws a StoreError naming a damaged line. */
function replayActions(text: string, file: string, remember: (action: Action) => void): void {
  for (const { value, line } of journalValues(text, file, 'the actions journal')) {
    const checked = actionSchema.safeParse(value);
    if (!checked.success)
      throw new StoreError(
        `the actions journal has an invalid action at line ${line}: ${checked.error.issues[0]?.message}`,
        file,
      );
    remember(checked.data);
  }
}

export class ActionJournal {
  private readonly actions = new Map<string, Action>();
  private readonly bySource = new Map<string, string>();
  private readonly highest = new Map<string, number>();
  /** Numbers handed out to actions still on their way to disk. */
  private readonly reserved = new Map<string, number>();
  /** The newest version of each action still on its way to disk: later changes build on it. */
  private readonly unsaved = new Map<string, Action>();
  /** Every version waiting goes in one write and one fsync, each confirmed only after it (see group-commit.ts). */
  private readonly writes = new GroupCommit<Action, Action>((batch) => this.write(batch));
  private lines = 0;

  private constructor(
    private readonly file: string,
    private readonly out: AppendFile,
  ) {}

  static async open(file: string): Promise<ActionJournal> {
    // A crash mid-append leaves a torn last line, never confirmed: AppendFile cuts it off.
    const { file: out, text } = await AppendFile.open(file);
    const journal = new ActionJournal(file, out);
    try {
      journal.replay(text);
    } catch (error) {
      await out.close();
      throw error instanceof StoreError ? await keepDamagedCopy(error, file) : error;
    }
    return journal;
  }

  private replay(text: string): void {
    replayActions(text, this.file, (action) => {
      this.remember(action);
      this.lines++;
    });
  }

  /**
   * Every partnership's actions as the journal holds them now, for a reader that takes no lock
   * (an export while the bot runs): the file is only read, never created or cut back, which could
   * otherwise cut off a line the bot is writing.
   */
  static async read(file: string): Promise<Action[]> {
    const latest = new Map<string, Action>();
    replayActions(await readJournalText(file), file, (action) => latest.set(action.id, action));
    return [...latest.values()];
  }

  private remember(action: Action): void {
    this.actions.set(action.id, action);
    if (action.sourceActivityId) this.bySource.set(`${action.partnershipId}|${action.sourceActivityId}`, action.id);
    this.highest.set(action.partnershipId, Math.max(this.highest.get(action.partnershipId) ?? 0, action.number));
  }

  all(partnershipId: string): Action[] {
    return [...this.actions.values()]
      .filter((a) => a.partnershipId === partnershipId)
      .sort((a, b) => a.number - b.number);
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
    return this.writes.submit(action);
  }

  /** A write that fails (a full disk) leaves the journal as it was and confirms none of the batch. */
  private async write(batch: readonly Action[]): Promise<Committed<Action>[]> {
    try {
      await this.out.append(batch.map((action) => `${JSON.stringify(action)}\n`).join(''));
    } catch (error) {
      for (const action of batch) {
        if (this.unsaved.get(action.id) === action) this.unsaved.delete(action.id);
        // Its number was never saved: hand it out again.
        if (!this.actions.has(action.id) && this.reserved.get(action.partnershipId) === action.number)
          this.reserved.delete(action.partnershipId);
      }
      const refused = saveFailed(error);
      return batch.map(() => ({ refused }));
    }
    return batch.map((action) => {
      this.remember(action);
      this.lines++;
      if (this.unsaved.get(action.id) === action) this.unsaved.delete(action.id);
      return { saved: action };
    });
  }

  /** Replaces every action with these (a restore), durably: see replace-file.ts. */
  replaceAll(actions: readonly Action[]): Promise<void> {
    const checked = actions.map((action) => actionSchema.parse(action));
    return this.out.exclusive(async (reopen) => {
      await this.rewrite(checked, reopen);
      this.actions.clear();
      this.bySource.clear();
      this.highest.clear();
      this.reserved.clear();
      for (const action of checked) this.remember(action);
      this.lines = this.actions.size;
    });
  }

  /** Rewrites the journal with one line per action (see replace-file.ts). */
  compact(): Promise<void> {
    return this.out.exclusive(async (reopen) => {
      if (this.lines === this.actions.size) return;
      await this.rewrite([...this.actions.values()], reopen);
      this.lines = this.actions.size;
    });
  }

  /** A failed rewrite leaves the journal as it was: the temporary file is removed. */
  private async rewrite(actions: readonly Action[], reopen: (size: number) => Promise<void>): Promise<void> {
    const text = actions.map((a) => `${JSON.stringify(a)}\n`).join('');
    await replaceFile(this.file, (handle) => handle.writeFile(text)).catch((error: unknown) => {
      throw saveFailed(error);
    });
    await reopen(Buffer.byteLength(text));
  }

  async close(): Promise<void> {
    await this.writes.idle();
    await this.out.close();
  }
}
