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
import { Low } from 'lowdb';
import type { Pause } from '../core/answers/build-in-slices.js';
import type { Partnership } from '../core/model/model.js';
import { saveFailed } from '../core/records/save-failed.js';
import { readJournalText } from './append-file.js';
import { ChangeJournal, readJournalLines, type JournalLine } from './change-journal.js';
import { DurableJsonFile } from './durable-json-file.js';
import { GroupCommit, type Committed } from './group-commit.js';
import { readMeetings, removeUnnamedMeetingsFiles } from './meetings-files.js';
import { MIGRATIONS, type Migration } from './migrations.js';
import type { StoreData } from './schema.js';
import { applyOps, changeOps, checkOp, partnershipsTouched, type StoreOp } from './store-changes.js';
import { keepDamagedCopy, StoreError } from './store-error.js';
import {
  changeJournalFile,
  lastChange,
  parseStoreFile,
  parseStoreValue,
  replay,
  writeSnapshot as writeSnapshotFiles,
  type StoreFile,
} from './store-file.js';
import { lockStoreFile } from './store-lock.js';

export { changeJournalFile, parseStoreText, parseStoreValue, replaceStoreFile } from './store-file.js';

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
   * The draft copies a part when the change reads it, and its lists element by element: spread a
   * part to reuse it elsewhere (`{ ...draft.partnerships[id] }`); structuredClone cannot copy one.
   * `current` is the data the draft was made from, never to be changed: a change that reads much
   * and changes little (an import merged against every meeting) reads it without copies.
   */
  update(
    change: (draft: StoreData, current: StoreData) => void,
    touches?: readonly string[] | (() => readonly string[]),
  ): Promise<void>;
  status(): StoreStatus;
  /** Calls `listener` after each saved change with the partnerships it altered (to keep what is built from them up to date). */
  onSaved(listener: (partnershipIds: readonly string[]) => void): void;
  /**
   * Reads a partnership's meetings if not read yet (see meetings-files.ts), in slices with `pause`
   * between them, ahead of whatever needs them; rejects with a StoreError naming a damaged file.
   */
  readMeetings(partnershipId: string, pause: Pause): Promise<void>;
  /** Waits for pending writes and releases the file for other processes. */
  close(): Promise<void>;
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
  /** Told of a background snapshot that failed (it is tried again after the next change). */
  onSnapshotFailed?: (error: unknown) => void;
}

export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const { file } = options;
  const migrations = options.migrations ?? MIGRATIONS;
  const journalFile = changeJournalFile(file);
  const adapter = new DurableJsonFile<StoreFile>(file, (text) => parseStoreFile(text, file, migrations));
  const release = options.readOnly ? () => undefined : lockStoreFile(file);
  // A reader (holding no lock) reads the journal before the store file: a snapshot the bot writes
  // in between holds every change it then drops from the journal, where the other order could
  // find a snapshot and a journal with changes missing between them.
  const journalText = options.readOnly ? await readJournalText(journalFile) : '';
  let existing: StoreFile | null;
  try {
    existing = await adapter.read();
  } catch (error) {
    release();
    throw error instanceof StoreError ? await keepDamagedCopy(error, error.file) : error;
  }
  // A new store holds none of a journal left beside it (by a store since removed).
  const opened: StoreFile = existing ?? {
    changesThrough: await lastChange(journalFile),
    ...parseStoreValue(options.defaults(), file, migrations),
  };
  const db = new Low<StoreFile>(adapter, opened);
  // The meetings files the last snapshot named stay one snapshot longer: a reader (an export)
  // that read that snapshot's store file a moment before still finds them.
  let named: readonly string[] = Object.values(existing?.meetingsFiles ?? {});
  const writeSnapshot = async (data: StoreData, through: number): Promise<void> => {
    const write = async (content: StoreFile): Promise<void> => {
      db.data = content;
      await db.write();
    };
    named = await writeSnapshotFiles(file, data, through, write, named);
  };
  const { changesThrough = 0, meetingsFiles: _meetingsFiles, ...snapshot } = opened;
  try {
    if (!existing && !options.readOnly) await writeSnapshot(snapshot, changesThrough);
    // What a crash left half-written, or earlier snapshots named.
    else if (!options.readOnly) await removeUnnamedMeetingsFiles(file, named);
  } catch (error) {
    // Not opened: the lock is not kept either.
    release();
    throw error;
  }

  let journal: ChangeJournal | null = null;
  let state: StoreData;
  let seq: number;
  try {
    let lines: JournalLine[];
    if (options.readOnly) {
      lines = readJournalLines(journalText, journalFile);
    } else {
      ({ journal, lines } = await ChangeJournal.open(journalFile));
    }
    ({ data: state, seq } = replay(snapshot, lines, changesThrough, journalFile));
    // A reader (an export, a dry run) reads everything now: the bot may replace the files later.
    if (options.readOnly)
      for (const partnership of Object.values(state.partnerships))
        await readMeetings(partnership, async () => undefined);
  } catch (error) {
    await journal?.close();
    release();
    throw error instanceof StoreError ? await keepDamagedCopy(error, error.file) : error;
  }

  let revision = 1;
  const partnershipRevisions = new Map<string, number>();
  let lastSavedAt: string | null = null;
  let snapshotting: Promise<void> | null = null;
  const snapshotBytes = options.snapshotBytes ?? 8 * 1024 * 1024;
  const listeners: ((partnershipIds: readonly string[]) => void)[] = [];

  // A store file with its meetings inline (an older version's, or one written by hand) is written
  // again in the background with its meetings apart, so that the next start reads only what it needs.
  let inline = existing !== null && existing.meetingsFiles === undefined;
  /** A new snapshot in the background once the journal has grown; a failure leaves the journal whole, to try again later. */
  const snapshotIfDue = (): void => {
    if (snapshotting || !journal || (!inline && journal.size() < snapshotBytes)) return;
    const through = seq;
    const held = journal;
    snapshotting = writeSnapshot(state, through)
      .then(() => {
        inline = false;
        return held.dropThrough(through);
      })
      .catch((error: unknown) => options.onSnapshotFailed?.(error))
      .finally(() => (snapshotting = null));
  };
  snapshotIfDue();

  type Change = (draft: StoreData, current: StoreData) => void;
  /**
   * Group commit (see group-commit.ts): changes that arrive while a write is on its way to disk are
   * applied together, in order, each to the result of the one before, and appended in one write.
   * Each is validated on its own, so one bad change is refused alone; all are confirmed only once
   * the write is durable, and a failed write leaves the journal and what readers see as they were.
   */
  const commit = async (batch: readonly Change[]): Promise<Committed<void>[]> => {
    let draft = state;
    let nextSeq = seq;
    const outcomes: Committed<void>[] = [];
    const lines: JournalLine[] = [];
    const ops: StoreOp[] = [];
    for (const change of batch) {
      try {
        const changed = changeOps(draft, change);
        const problem = changed.map(checkOp).find((p) => p !== null);
        if (problem) throw new StoreError(`refused a change that would make the store invalid at ${problem}`, file);
        const next = applyOps(draft, changed);
        if (!next.partnerships[next.defaultPartnershipId])
          throw new StoreError(
            `refused a change that would remove the default partnership "${next.defaultPartnershipId}"`,
            file,
          );
        draft = next;
        outcomes.push({ saved: undefined });
        if (changed.length > 0) lines.push({ seq: ++nextSeq, ops: changed });
        ops.push(...changed);
      } catch (error) {
        outcomes.push({ refused: error });
      }
    }
    if (lines.length > 0) {
      try {
        await journal?.append(lines);
      } catch (error) {
        const refused = saveFailed(error);
        return outcomes.map((outcome) => ('saved' in outcome ? { refused } : outcome));
      }
    }
    if (!outcomes.some((outcome) => 'saved' in outcome)) return outcomes;
    state = draft;
    seq = nextSeq;
    revision++;
    const touched = partnershipsTouched(ops, () => Object.keys(draft.partnerships));
    for (const id of touched) partnershipRevisions.set(id, revision);
    lastSavedAt = new Date().toISOString();
    if (touched.length > 0) queueMicrotask(() => listeners.forEach((listener) => listener(touched)));
    snapshotIfDue();
    return outcomes;
  };
  const writes = new GroupCommit<Change, void>(commit);

  const update = (change: Change): Promise<void> =>
    options.readOnly ? Promise.reject(new StoreError('the store was opened read-only', file)) : writes.submit(change);

  return {
    data: () => state,
    partnership: (id) => state.partnerships[id ?? state.defaultPartnershipId],
    revision: (partnershipId) =>
      partnershipId === undefined ? revision : (partnershipRevisions.get(partnershipId) ?? 1),
    update,
    status: () => ({ file, revision, partnerships: Object.keys(state.partnerships).length, lastSavedAt }),
    onSaved: (listener) => void listeners.push(listener),
    readMeetings: async (id, pause) => {
      const partnership = state.partnerships[id];
      if (partnership) await readMeetings(partnership, pause);
    },
    close: async () => {
      await writes.idle();
      await snapshotting;
      await journal?.close();
      release();
    },
  };
}
