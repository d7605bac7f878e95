/**
 * The one module that owns the lowdb file. On open it creates the file from the default data
 * set if there is none, or reads, migrates and validates what is there (refusing, never
 * overwriting, a file it cannot read). Writes go through `update`, in order: each applies its
 * change to a copy, validates it, saves it durably, and only then becomes what readers see.
 */
import { Low } from 'lowdb';
import type { Partnership } from '../core/model.js';
import { saveFailed } from '../core/records/save-failed.js';
import { DurableJsonFile } from './durable-json-file.js';
import { migrate, MIGRATIONS, type Migration } from './migrations.js';
import { storeSchema, type StoreData } from './schema.js';
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
   * Applies a change, saves it durably, and resolves only once it is on disk. `touches` names the
   * partnerships it may change (all, when not given; none for store-level data such as channels known),
   * or is a function that says so once the change has run.
   */
  update(change: (draft: StoreData) => void, touches?: readonly string[] | (() => readonly string[])): Promise<void>;
  status(): StoreStatus;
  /** Waits for pending writes and releases the file for other processes. */
  close(): Promise<void>;
}

interface PendingChange {
  change: (draft: StoreData) => void;
  touches: readonly string[] | (() => readonly string[]) | undefined;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface OpenStoreOptions {
  file: string;
  /** The data a new store starts from. */
  defaults: () => StoreData;
  migrations?: Readonly<Record<number, Migration>>;
  /** Read only (a dry run): a missing file is not created and updates are refused. */
  readOnly?: boolean;
}

/** Parses and validates store text, naming the first problem found. */
export function parseStoreText(text: string, file: string, migrations: Readonly<Record<number, Migration>> = MIGRATIONS): StoreData {
  if (text.trim() === '') throw new StoreError('the store file is empty (it may have been truncated); restore it from a backup', file);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new StoreError(`the store file is not valid JSON (${(error as Error).message})`, file);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new StoreError('the store file does not hold a JSON object', file);
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

export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const { file } = options;
  const migrations = options.migrations ?? MIGRATIONS;
  const adapter = new DurableJsonFile<StoreData>(file, (text) => parseStoreText(text, file, migrations));
  const release = options.readOnly ? () => undefined : lockStoreFile(file);
  let existing: StoreData | null;
  try {
    existing = await adapter.read();
  } catch (error) {
    release();
    throw error instanceof StoreError ? await keepDamagedCopy(error, file) : error;
  }
  const db = new Low<StoreData>(adapter, existing ?? parseStoreText(JSON.stringify(options.defaults()), file, migrations));
  if (!existing && !options.readOnly) await db.write();

  let revision = 1;
  const partnershipRevisions = new Map<string, number>();
  let lastSavedAt: string | null = null;
  let pending: PendingChange[] = [];
  let writing: Promise<void> | null = null;

  /**
   * Group commit: changes that arrive while a write is on its way to disk are applied together, in
   * order, each to the result of the one before, and saved in one write. Each is validated on its
   * own, so one bad change is refused alone; all are confirmed only once the write is durable.
   */
  const flush = async (): Promise<void> => {
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      let draft = db.data;
      const accepted: PendingChange[] = [];
      const touched = new Set<string>();
      let touchesAll = false;
      for (const item of batch) {
        try {
          const next = structuredClone(draft);
          item.change(next);
          const checked = storeSchema.safeParse(next);
          if (!checked.success) {
            const issue = checked.error.issues[0];
            throw new StoreError(`refused a change that would make the store invalid at ${issue?.path.join('.')}: ${issue?.message}`, file);
          }
          draft = checked.data;
          accepted.push(item);
          const ids = typeof item.touches === 'function' ? item.touches() : item.touches;
          if (ids === undefined) touchesAll = true;
          else ids.forEach((id) => touched.add(id));
        } catch (error) {
          item.reject(error);
        }
      }
      if (accepted.length === 0) continue;
      try {
        await adapter.write(draft);
      } catch (error) {
        // The old file is left as it was and readers keep the old data: nothing is confirmed.
        accepted.forEach((item) => item.reject(saveFailed(error)));
        continue;
      }
      db.data = draft;
      revision++;
      for (const id of touchesAll ? Object.keys(draft.partnerships) : touched) partnershipRevisions.set(id, revision);
      lastSavedAt = new Date().toISOString();
      accepted.forEach((item) => item.resolve());
    }
    // Set synchronously with the loop's last check, so that no change can arrive unseen.
    writing = null;
  };

  const update = (change: (draft: StoreData) => void, touches?: readonly string[] | (() => readonly string[])): Promise<void> => {
    if (options.readOnly) return Promise.reject(new StoreError('the store was opened read-only', file));
    return new Promise<void>((resolve, reject) => {
      pending.push({ change, touches, resolve, reject });
      // Started on a later tick: flush sets `writing` back to null itself, possibly without awaiting anything.
      writing ??= Promise.resolve().then(flush);
    });
  };

  return {
    data: () => db.data,
    partnership: (id) => db.data.partnerships[id ?? db.data.defaultPartnershipId],
    revision: (partnershipId) => (partnershipId === undefined ? revision : (partnershipRevisions.get(partnershipId) ?? 1)),
    update,
    status: () => ({ file, revision, partnerships: Object.keys(db.data.partnerships).length, lastSavedAt }),
    close: async () => {
      await writing;
      release();
    },
  };
}
