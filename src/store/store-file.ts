/**
 * The store's files as text: reading and validating a snapshot (`DATA_FILE`, migrated first),
 * replaying the change journal beside it, and replacing both at once (a restore). The running
 * store that writes them is store.ts.
 */
import { readFile, rm } from 'node:fs/promises';
import { readJournalLines, type JournalLine } from './change-journal.js';
import { DurableJsonFile } from './durable-json-file.js';
import { migrate, MIGRATIONS, type Migration } from './migrations.js';
import { storeSchema, type StoreData } from './schema.js';
import { applyOps, checkOp } from './store-changes.js';
import { StoreError } from './store-error.js';

/** The store file: the store, and the last change of the journal it holds. */
export type StoreFile = StoreData & { changesThrough?: number };

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
export function parseStoreFile(text: string, file: string, migrations: Readonly<Record<number, Migration>>): StoreFile {
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
export async function lastChange(journalFile: string): Promise<number> {
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

export function replay(
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
