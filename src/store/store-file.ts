/**
 * The store's files as text: reading and validating a snapshot (`DATA_FILE`, migrated first),
 * replaying the change journal beside it, and replacing both at once (a restore). The running
 * store that writes them is store.ts.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { readJournalLines, type JournalLine } from './change-journal.js';
import { DurableJsonFile } from './durable-json-file.js';
import {
  meetingsFilesSchema,
  meetingsFolder,
  meetingsFromFile,
  removeUnnamedMeetingsFiles,
  writeMeetingsFiles,
} from './meetings-files.js';
import { migrate, MIGRATIONS, type Migration } from './migrations.js';
import { storeSchema, type StoreData } from './schema.js';
import { applyOps, checkOp } from './store-changes.js';
import { StoreError } from './store-error.js';

/** The store file: the store, the last change of the journal it holds, and the files its meetings are in. */
export type StoreFile = StoreData & { changesThrough?: number; meetingsFiles?: Record<string, string> };

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

/**
 * Reads a store file: the snapshot's store, and the change it holds up to. Partnerships whose
 * meetings are in files of their own (see meetings-files.ts) get them when first asked for.
 */
export function parseStoreFile(text: string, file: string, migrations: Readonly<Record<number, Migration>>): StoreFile {
  const raw = parseJson(text, file);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !('changesThrough' in raw))
    return parseStoreValue(raw, file, migrations);
  const { changesThrough, meetingsFiles, ...rest } = raw as Record<string, unknown>;
  if (typeof changesThrough !== 'number' || !Number.isInteger(changesThrough) || changesThrough < 0)
    throw new StoreError('the store file\'s "changesThrough" is not a change number', file);
  if (meetingsFiles === undefined) return { changesThrough, ...parseStoreValue(rest, file, migrations) };
  const named = meetingsFilesSchema.safeParse(meetingsFiles);
  const partnerships = rest.partnerships as Record<string, Record<string, unknown>> | undefined;
  if (!named.success || typeof partnerships !== 'object' || partnerships === null)
    throw new StoreError('the store file\'s "meetingsFiles" does not name a file for each partnership', file);
  const placeholders = Object.keys(named.data).map((id) => {
    const partnership = partnerships[id];
    if (
      typeof partnership !== 'object' ||
      partnership === null ||
      Array.isArray(partnership) ||
      'meetings' in partnership
    )
      throw new StoreError(`the store file names a meetings file for "${id}", which has none to name`, file);
    return [id, { ...partnership, meetings: [] }] as const;
  });
  const data = parseStoreValue(
    { ...rest, partnerships: { ...partnerships, ...Object.fromEntries(placeholders) } },
    file,
    migrations,
  );
  for (const [id, name] of Object.entries(named.data))
    meetingsFromFile(data.partnerships[id]!, path.join(meetingsFolder(file), name));
  return { changesThrough, meetingsFiles: named.data, ...data };
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
 * Writes a snapshot of `data` holding the changes through `through`: the meetings files not on
 * disk yet, then the store file naming them (through `write`, atomically), then removing the
 * meetings files neither it nor `keep` names. Resolves with the names it gives.
 */
export async function writeSnapshot(
  file: string,
  data: StoreData,
  through: number,
  write: (content: StoreFile) => Promise<void>,
  keep: readonly string[] = [],
): Promise<string[]> {
  const { partnerships, meetingsFiles } = await writeMeetingsFiles(file, data);
  // The partnerships without their meetings, which are in the files named.
  await write({ changesThrough: through, meetingsFiles, ...data, partnerships } as unknown as StoreFile);
  const named = Object.values(meetingsFiles);
  await removeUnnamedMeetingsFiles(file, [...named, ...keep]);
  return named;
}

/**
 * Replaces the whole store (a restore), durably: a snapshot that holds every change the journal
 * has, then the journal emptied. Take the store's lock first.
 */
export async function replaceStoreFile(file: string, data: StoreData): Promise<void> {
  const journalFile = changeJournalFile(file);
  const through = await lastChange(journalFile);
  if (through === 0) await rm(journalFile, { force: true });
  const target = new DurableJsonFile<StoreFile>(file, () => data);
  await writeSnapshot(file, data, through, (content) => target.write(content));
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
  // Nobody holds the states between two lines: each container is copied once for them all.
  const copied = new Set<unknown>();
  lines.forEach((line, index) => {
    if (line.seq <= through) return;
    // Changes are numbered one after another from the snapshot's: a line further on means some are lost.
    if (line.seq > seq + 1)
      throw new StoreError(
        `the change journal is missing changes ${seq + 1} to ${line.seq - 1} (line ${index + 1}), after the store file's ${through}; restore it from a backup`,
        journalFile,
      );
    const problem = line.ops.map(checkOp).find((p) => p !== null);
    if (problem)
      throw new StoreError(
        `the change journal has an invalid change at line ${index + 1} (${problem}); restore it from a backup`,
        journalFile,
      );
    try {
      state = applyOps(state, line.ops, copied);
    } catch (error) {
      // A meetings file found damaged when the change reads it is that file's problem, not the journal's.
      if (error instanceof StoreError) throw error;
      throw new StoreError(
        `the change journal has a change at line ${index + 1} that does not fit the store (${(error as Error).message})`,
        journalFile,
      );
    }
    seq = line.seq;
  });
  return { data: state, seq };
}
