/**
 * The one module that owns the lowdb file. On open it creates the file from the default data
 * set if there is none, or reads, migrates and validates what is there (refusing, never
 * overwriting, a file it cannot read). Writes go through `update`, one at a time: each applies
 * its change to a copy, validates it, saves it durably, and only then becomes what readers see.
 */
import { Low } from 'lowdb';
import type { Partnership } from '../core/model.js';
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
  let queue: Promise<void> = Promise.resolve();

  const update = (change: (draft: StoreData) => void, touches?: readonly string[] | (() => readonly string[])): Promise<void> => {
    const run = async (): Promise<void> => {
      if (options.readOnly) throw new StoreError('the store was opened read-only', file);
      const draft = structuredClone(db.data);
      change(draft);
      const checked = storeSchema.safeParse(draft);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        throw new StoreError(`refused a change that would make the store invalid at ${issue?.path.join('.')}: ${issue?.message}`, file);
      }
      await adapter.write(checked.data);
      db.data = checked.data;
      revision++;
      const touched = typeof touches === 'function' ? touches() : touches;
      for (const id of touched ?? Object.keys(checked.data.partnerships)) partnershipRevisions.set(id, revision);
      lastSavedAt = new Date().toISOString();
    };
    const result = queue.then(run);
    // The queue carries on after a failed change; the caller still sees the failure.
    queue = result.catch(() => undefined);
    return result;
  };

  return {
    data: () => db.data,
    partnership: (id) => db.data.partnerships[id ?? db.data.defaultPartnershipId],
    revision: (partnershipId) => (partnershipId === undefined ? revision : (partnershipRevisions.get(partnershipId) ?? 1)),
    update,
    status: () => ({ file, revision, partnerships: Object.keys(db.data.partnerships).length, lastSavedAt }),
    close: async () => {
      await queue;
      release();
    },
  };
}
