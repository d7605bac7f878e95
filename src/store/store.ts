/**
 * The one module that owns the lowdb store. The store file (`DATA_FILE`, written through lowdb)
 * is a snapshot: the whole store as readable JSON, and the number of the last change it holds.
 * Each change after it is one fsync'd line in the change journal beside it (see change-journal.ts),
 * written as the few values it alters (see store-changes.ts), so that a change costs what it
 * changes, not what the store holds. On open the snapshot is read, migrated and validated (a file
 * it cannot read is refused, never overwritten) and the journal replayed; a new store starts from
 * the default data set. Writes go through `update`, in order: each change is applied to a draft,
 * validated where it changed, appended durably, and only then becomes what readers see. Once the
 * journal has grown, a new snapshot is written in the background (in pieces, never holding up a
 * turn) and the lines it holds are dropped.
 */
import { readFile, rm } from 'node:fs/promises';
import { Low } from 'lowdb';
import type { Partnership } from '../core/model.js';
import { saveFailed } from '../core/records/save-failed.js';
import { ChangeJournal, readJournalLines, type JournalLine } from './change-journal.js';
import { DurableJsonFile } from './durable-json-file.js';
import { migrate, MIGRATIONS, type Migration } from './migrations.js';
import { storeSchema, type StoreData } from './schema.js';
import { applyOps, changeOps, checkOp, partnershipsTouched, type StoreOp } from './store-changes.js';
import { keepDamagedCopy, StoreError } from './store-error.js';
import { lockStoreFile } from './store-lock.js';

export interface StoreStatus {
  file: string;
  revision: number;
  partnerships: number;
  lastSavedAt: string | null;
}

export interface Store {
  /** What readers see now; do not mutate. */
  data(): StoreData;
  partnership(id?: string): Partnership | undefined;
  /**
   * Increases on every saved change (of that partnership, when one is named): a cheap key for
   * caches built from the data, which other changes then leave alone.
   */
  revision(partnershipId?: string): number;
  /**
   * Applies a change, saves it durably, and resolves only once it is on disk; rejects with
   * SaveFailedError, nothing changed, when it cannot be saved. The partnerships whose revision
   * moves are those the change actually altered; `touches` is kept for callers and not needed.
   */
  update(change: (draft: StoreData) => void, touches?: readonly string[] | (() => readonly string[])): Promise<void>;
  status(): StoreStatus;
  /** Calls `listener` after each saved change with the partnerships it altered (to keep what is built from them up to date). */
  onSaved(listener: (partnershipIds: readonly string[]) => void): void;
  /** Waits for pending writes and releases the file for other processes. */
  close(): Promise<void>;
}

interface PendingChange {
  change: (draft: StoreData) => void;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface OpenStoreOptions {
  file: string;
  /** The data a new store starts from. */
  defaults: () => StoreData;
  migrations?: Readonly<Record<number, Migration>>;
  /** Read only (a dry run, an export): a missing file is not created and updates are refused. */
  readOnly?: boolean;
  /** Journal bytes after which a new snapshot is written (default 8 MB). */
  snapshotBytes?: number;
}

/** The store file: the store, and the last change of the journal it holds. */
type StoreFile = StoreData & { changesThrough?: number };

export function changeJournalFile(file: string): string {
  return `${file}.changes`;
}

/** Parses and validates store text, naming the first problem found. */
export function parseStoreText(
  text: string,
  file: string,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
): StoreData {
  return parseStoreValue(parseJson(text, file), file, migrations);
}

function parseJson(text: string, file: string): unknown {
  if (text.trim() === '')
    throw new StoreError('the store file is empty (it may have been truncated); restore it from a backup', file);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new StoreError(`the store file is not valid JSON (${(error as Error).message})`, file);
  }
}

/** Reads a store file: the snapshot's store, and the change it holds up to. */
function parseStoreFile(text: string, file: string, migrations: Readonly<Record<number, Migration>>): StoreFile {
  const raw = parseJson(text, file);
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw) && 'changesThrough' in raw) {
    const { changesThrough, ...rest } = raw as Record<string, unknown>;
    if (typeof changesThrough !== 'number' || !Number.isInteger(changesThrough) || changesThrough < 0)
      throw new StoreError('the store file\'s "changesThrough" is not a change number', file);
    return { changesThrough, ...parseStoreValue(rest, file, migrations) };
  }
  return parseStoreValue(raw, file, migrations);
}

/** Validates (migrating first) a parsed store, naming the first problem found. */
export function parseStoreValue(
  raw: unknown,
  file: string,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
): StoreData {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new StoreError('the store file does not hold a JSON object', file);
  let migrated: Record<string, unknown>;
  try {
    migrated = migrate(raw as Record<string, unknown>, migrations);
  } catch (error) {
    throw new StoreError(`the store file ${(error as Error).message}`, file);
  }
  const result = storeSchema.safeParse(migrated);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : '(top level)';
    throw new StoreError(`the store file is not valid at ${where}: ${issue?.message ?? 'unknown problem'}`, file);
  }
  const data = result.data;
  if (!data.partnerships[data.defaultPartnershipId]) {
    throw new StoreError(`the default partnership "${data.defaultPartnershipId}" is not in the store`, file);
  }
  return data;
}

/** The last change number in a journal, 0 when it has none or cannot be read. */
async function lastChange(journalFile: string): Promise<number> {
  try {
    return readJournalLines(await readFile(journalFile, 'utf8'), journalFile).reduce(
      (max, line) => Math.max(max, line.seq),
      0,
    );
  } catch {
    return 0;
  }
}

/**
 * Replaces the whole store (a restore), durably: a snapshot that holds every change the journal
 * has, then the journal emptied. Take the store's lock first.
 */
export async function replaceStoreFile(file: string, data: StoreData): Promise<void> {
  const journalFile = changeJournalFile(file);
  const through = await lastChange(journalFile);
  if (through === 0) await rm(journalFile, { force: true });
  await new DurableJsonFile<StoreFile>(file, () => data).write({ changesThrough: through, ...data });
  await rm(journalFile, { force: true });
}

function replay(
  data: StoreData,
  lines: readonly JournalLine[],
  through: number,
  journalFile: string,
): { data: StoreData; seq: number } {
  let state = data;
  let seq = through;
  lines.forEach((line, index) => {
    if (line.seq <= through) return;
    const problem = line.ops.map(checkOp).find((p) => p !== null);
    if (problem)
      throw new StoreError(
        `the change journal has an invalid change at line ${index + 1} (${problem}); restore it from a backup`,
        journalFile,
      );
    try {
      state = applyOps(state, line.ops);
    } catch (error) {
      throw new StoreError(
        `the change journal has a change at line ${index + 1} that does not fit the store (${(error as Error).message})`,
        journalFile,
      );
    }
    seq = line.seq;
  });
  return { data: state, seq };
}

export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const { file } = options;
  const migrations = options.migrations ?? MIGRATIONS;
  const journalFile = changeJournalFile(file);
  const adapter = new DurableJsonFile<StoreFile>(file, (text) => parseStoreFile(text, file, migrations));
  const release = options.readOnly ? () => undefined : lockStoreFile(file);
  let existing: StoreFile | null;
  try {
    existing = await adapter.read();
  } catch (error) {
    release();
    throw error instanceof StoreError ? await keepDamagedCopy(error, file) : error;
  }
  // A new store holds none of a journal left beside it (by a store since removed).
  const db = new Low<StoreFile>(
    adapter,
    existing ?? {
      changesThrough: await lastChange(journalFile),
      ...parseStoreValue(options.defaults(), file, migrations),
    },
  );
  if (!existing && !options.readOnly) await db.write();

  let journal: ChangeJournal | null = null;
  let state: StoreData;
  let seq: number;
  try {
    let lines: JournalLine[];
    if (options.readOnly) {
      const text = await readFile(journalFile, 'utf8').catch((error: NodeJS.ErrnoException) =>
        error.code === 'ENOENT' ? '' : Promise.reject(error),
      );
      lines = readJournalLines(text, journalFile);
    } else {
      ({ journal, lines } = await ChangeJournal.open(journalFile));
    }
    const { changesThrough = 0, ...snapshot } = db.data;
    ({ data: state, seq } = replay(snapshot, lines, changesThrough, journalFile));
  } catch (error) {
    await journal?.close();
    release();
    throw error instanceof StoreError ? await keepDamagedCopy(error, journalFile) : error;
  }

  let revision = 1;
  const partnershipRevisions = new Map<string, number>();
  let lastSavedAt: string | null = null;
  let pending: PendingChange[] = [];
  let writing: Promise<void> | null = null;
  let snapshotting: Promise<void> | null = null;
  const snapshotBytes = options.snapshotBytes ?? 8 * 1024 * 1024;
  const listeners: ((partnershipIds: readonly string[]) => void)[] = [];

  /** A new snapshot in the background once the journal has grown; a failure leaves the journal whole, to try again later. */
  const snapshotIfDue = (): void => {
    if (snapshotting || !journal || journal.size() < snapshotBytes) return;
    const through = seq;
    const held = journal;
    db.data = { changesThrough: through, ...state };
    snapshotting = db
      .write()
      .then(() => held.dropThrough(through))
      .catch(() => undefined)
      .finally(() => (snapshotting = null));
  };
  snapshotIfDue();

  /**
   * Group commit: changes that arrive while a write is on its way to disk are applied together, in
   * order, each to the result of the one before, and appended in one write. Each is validated on
   * its own, so one bad change is refused alone; all are confirmed only once the write is durable.
   */
  const flush = async (): Promise<void> => {
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      let draft = state;
      let nextSeq = seq;
      const accepted: PendingChange[] = [];
      const lines: JournalLine[] = [];
      const ops: StoreOp[] = [];
      for (const item of batch) {
        try {
          const changed = changeOps(draft, item.change);
          const problem = changed.map(checkOp).find((p) => p !== null);
          if (problem) throw new StoreError(`refused a change that would make the store invalid at ${problem}`, file);
          const next = applyOps(draft, changed);
          if (!next.partnerships[next.defaultPartnershipId])
            throw new StoreError(
              `refused a change that would remove the default partnership "${next.defaultPartnershipId}"`,
              file,
            );
          draft = next;
          accepted.push(item);
          if (changed.length > 0) lines.push({ seq: ++nextSeq, ops: changed });
          ops.push(...changed);
        } catch (error) {
          item.reject(error);
        }
      }
      if (accepted.length === 0) continue;
      try {
        if (lines.length > 0) await journal?.append(lines);
      } catch (error) {
        // The journal is left as it was and readers keep the old data: nothing is confirmed.
        accepted.forEach((item) => item.reject(saveFailed(error)));
        continue;
      }
      state = draft;
      seq = nextSeq;
      revision++;
      const touched = partnershipsTouched(ops, () => Object.keys(draft.partnerships));
      for (const id of touched) partnershipRevisions.set(id, revision);
      lastSavedAt = new Date().toISOString();
      accepted.forEach((item) => item.resolve());
      if (touched.length > 0) listeners.forEach((listener) => listener(touched));
      snapshotIfDue();
    }
    // Set synchronously with the loop's last check, so that no change can arrive unseen.
    writing = null;
  };

  const update = (change: (draft: StoreData) => void): Promise<void> => {
    if (options.readOnly) return Promise.reject(new StoreError('the store was opened read-only', file));
    return new Promise<void>((resolve, reject) => {
      pending.push({ change, resolve, reject });
      // Started on a later tick: flush sets `writing` back to null itself, possibly without awaiting anything.
      writing ??= Promise.resolve().then(flush);
    });
  };

  return {
    data: () => state,
    partnership: (id) => state.partnerships[id ?? state.defaultPartnershipId],
    revision: (partnershipId) =>
      partnershipId === undefined ? revision : (partnershipRevisions.get(partnershipId) ?? 1),
    update,
    status: () => ({ file, revision, partnerships: Object.keys(state.partnerships).length, lastSavedAt }),
    onSaved: (listener) => void listeners.push(listener),
    close: async () => {
      await writing;
      await snapshotting;
      await journal?.close();
      release();
    },
  };
}
