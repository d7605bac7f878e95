/**
 * Each partnership's meetings, nearly all of a large store's bytes, in a file of their own beside
 * the snapshot (`DATA_FILE.meetings/`), read when first asked for: the bot opens and answers the
 * default partnership's questions without reading the other partnerships' years of minutes, which
 * are read in the background (or at once, by whatever needs them first). A snapshot writes a
 * meetings file only for a partnership whose meetings changed since the last one, each under a new
 * name before the store file that names it, so a crash at any point leaves a store file whose
 * meetings files are whole. A store file with the meetings inline, as written by hand, by older
 * versions or by a restore, is read as before.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { buildInSlices, finish, type Pause } from '../core/answers/build-in-slices.js';
import type { Meeting } from '../core/model/model.js';
import { writeAll } from './append-file.js';
import { writeInPieces } from './json-chunks.js';
import { replaceFile, syncDirectory } from './replace-file.js';
import { meetingSchema, type StoreData } from './schema.js';
import { keepDamagedCopy, StoreError, UnreadableRecordsError } from './store-error.js';

export function meetingsFolder(file: string): string {
  return `${file}.meetings`;
}

/** What a store file names its meetings files by: a plain file name in the meetings folder. */
export const meetingsFilesSchema = z.record(z.string(), z.string().regex(/^[\w-]+\.[\da-z]+\.json$/));

interface Source {
  file: string;
  meetings?: Meeting[];
  /** Whether a copy of the file was kept when it was found damaged (once: it is read again when asked). */
  copied?: boolean;
  /** Why the file could not be read, until it changes: every turn would otherwise read it again. */
  failed?: { error: StoreError; version: string };
}

/**
 * The file's size and modification time (what tells a file mended by hand from the one that
 * failed), after throwing why it failed if it has not changed since.
 */
function versionUnlessFailed(source: Source): string {
  const { size, mtimeMs } = statSync(source.file);
  const version = `${size}:${mtimeMs}`;
  if (source.failed?.version === version) throw source.failed.error;
  return version;
}

/** Reads and checks a meetings file for `source`, remembering why it failed until the file changes. */
function readSource(source: Source, read: () => Meeting[]): Meeting[] {
  const version = versionUnlessFailed(source);
  try {
    return read();
  } catch (error) {
    if (error instanceof StoreError) source.failed = { error, version };
    throw error;
  }
}

/** The getters of meetings not read yet -> where they are read from. */
const UNREAD = new WeakMap<object, Source>();
/** Meetings read from a file, or written to one, and not changed since -> that file. */
const IN_FILE = new WeakMap<readonly Meeting[], string>();
/** Meetings files written whose folder has not been fsync'd since: a snapshot failed in between. */
const NOT_SYNCED = new Set<string>();

/**
 * The meetings of a file as written here, one meeting a line (`[`, a meeting a line, `]`): the
 * lines, or null for a file in another layout (written by hand), which is then read whole.
 */
function* linesOf(bytes: Buffer): Generator<void, unknown[] | null> {
  const newline = 0x0a;
  if (bytes.length < 4 || bytes[0] !== 0x5b || bytes[1] !== newline) return null;
  const values: unknown[] = [];
  let start = 2;
  // Whether a meeting may follow: after `[`, or after a line ending with a comma.
  let more = true;
  for (;;) {
    const end = bytes.indexOf(newline, start);
    if (end < 0) return null;
    const line = bytes.toString('utf8', start, end);
    if (line === ']') return (values.length === 0 || !more) && end === bytes.length - 1 ? values : null;
    if (!more) return null;
    more = line.endsWith(',');
    try {
      values.push(JSON.parse(more ? line.slice(0, -1) : line));
    } catch {
      return null;
    }
    start = end + 1;
    yield;
  }
}

/** Reading and validating a meetings file, a meeting at a time, so that it can run in slices. */
function* meetingsOf(bytes: Buffer, file: string): Generator<void, Meeting[]> {
  let raw: unknown = yield* linesOf(bytes);
  if (raw === null) {
    try {
      raw = JSON.parse(bytes.toString('utf8'));
    } catch (error) {
      throw new UnreadableRecordsError(`the meetings file is not valid JSON (${(error as Error).message})`, file);
    }
    yield;
  }
  if (!Array.isArray(raw)) throw new UnreadableRecordsError('the meetings file does not hold a list of meetings', file);
  const meetings: Meeting[] = [];
  for (const [i, value] of raw.entries()) {
    const result = meetingSchema.safeParse(value);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new UnreadableRecordsError(
        `the meetings file is not valid at ${[i, ...(issue?.path ?? [])].join('.')}: ${issue?.message ?? 'unknown problem'}`,
        file,
      );
    }
    meetings.push(result.data as Meeting);
    yield;
  }
  IN_FILE.set(meetings, file);
  return meetings;
}

/**
 * Writes a meetings file durably (see replace-file.ts; the caller syncs the folder), one meeting a
 * line so that it can be read back in slices, yielding to turns every few milliseconds.
 */
async function writeMeetingsFile(at: string, meetings: readonly Meeting[]): Promise<void> {
  function* lines(): Generator<string> {
    yield '[\n';
    for (const [i, meeting] of meetings.entries())
      yield `${JSON.stringify(meeting)}${i < meetings.length - 1 ? ',' : ''}\n`;
    yield ']\n';
  }
  await replaceFile(
    at,
    (handle, temporary) => writeInPieces(lines(), (text) => writeAll(handle, text, temporary)),
    false,
  );
}

const asData = (target: object, meetings: unknown): void =>
  void Object.defineProperty(target, 'meetings', {
    value: meetings,
    writable: true,
    enumerable: true,
    configurable: true,
  });

/**
 * Gives a partnership just read from the store file its meetings from `file`, read when first
 * asked for. Copies of the partnership (a later version of the store) share what is read.
 */
export function meetingsFromFile(partnership: object, file: string): void {
  if (!existsSync(file)) throw new StoreError('a meetings file the store file names is missing', file);
  const source: Source = { file };
  const get = function (this: object): Meeting[] {
    source.meetings ??= readSource(source, () => finish(meetingsOf(readFileSync(file), file)));
    asData(this, source.meetings);
    return source.meetings;
  };
  UNREAD.set(get, source);
  Object.defineProperty(partnership, 'meetings', {
    get,
    set(this: object, value: unknown) {
      asData(this, value);
    },
    enumerable: true,
    configurable: true,
  });
}

/** The partnership's meetings as defined now, and where they are read from while that is still to do. */
function meetingsNow(partnership: object): { descriptor?: PropertyDescriptor; source?: Source } {
  const descriptor = Object.getOwnPropertyDescriptor(partnership, 'meetings');
  return { descriptor, source: descriptor?.get ? UNREAD.get(descriptor.get) : undefined };
}

/** The file holding the partnership's meetings as they are now, if there is one. */
function fileOfMeetings(partnership: object): string | undefined {
  const { descriptor, source } = meetingsNow(partnership);
  if (source) return source.meetings ? IN_FILE.get(source.meetings) : source.file;
  return descriptor && Array.isArray(descriptor.value) ? IN_FILE.get(descriptor.value as Meeting[]) : undefined;
}

/** Reads a partnership's meetings if not read yet, in slices with `pause` between them. */
export async function readMeetings(partnership: object, pause: Pause): Promise<void> {
  const { source } = meetingsNow(partnership);
  if (!source || source.meetings) return;
  // Read meanwhile by what needed them at once, the file may be gone: replaced by a later snapshot.
  const gone = (error: unknown): null => {
    if (source.meetings) return null;
    throw error;
  };
  let version: string;
  try {
    version = versionUnlessFailed(source);
  } catch (error) {
    return void gone(error);
  }
  const bytes = await readFile(source.file).catch(gone);
  if (!bytes) return;
  await pause();
  let meetings: Meeting[];
  try {
    meetings = await buildInSlices(meetingsOf(bytes, source.file), pause, () => source.meetings);
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    // A copy kept (once) before anyone mends it by hand or restores over it (which removes the file).
    const kept = source.copied ? error : await keepDamagedCopy(error, source.file);
    source.copied = true;
    source.failed = { error: kept, version };
    throw kept;
  }
  source.meetings ??= meetings;
}

/**
 * A new name (the time and random bytes, and no file there now): a file that a store file names
 * is never written again.
 */
function newMeetingsFile(folder: string, id: string): string {
  for (;;) {
    const name = `${id.replace(/[^\w-]/g, '_').slice(0, 60) || '_'}.${Date.now().toString(36)}${randomBytes(4).toString('hex')}.json`;
    const at = path.join(folder, name);
    if (!existsSync(at)) return at;
  }
}

/**
 * The store file's content for a snapshot of `data`, after writing the meetings files it names
 * that are not on disk yet. Nothing here reads meetings that were not read before.
 */
export async function writeMeetingsFiles(
  file: string,
  data: StoreData,
): Promise<{ partnerships: Record<string, unknown>; meetingsFiles: Record<string, string> }> {
  const folder = meetingsFolder(file);
  const names: [string, string][] = [];
  const partnerships: [string, unknown][] = [];
  for (const [id, partnership] of Object.entries(data.partnerships)) {
    let at = fileOfMeetings(partnership);
    // Kept only if it is this store's (the same meetings may have come from another store's files).
    if (!at || path.resolve(path.dirname(at)) !== path.resolve(folder) || !existsSync(at)) {
      at = newMeetingsFile(folder, id);
      const meetings = partnership.meetings;
      await writeMeetingsFile(at, meetings);
      IN_FILE.set(meetings, at);
      NOT_SYNCED.add(at);
    }
    names.push([id, path.basename(at)]);
    const descriptors = Object.getOwnPropertyDescriptors(partnership) as Record<string, PropertyDescriptor>;
    delete descriptors.meetings;
    partnerships.push([id, Object.defineProperties({}, descriptors)]);
  }
  // Before the store file names them: every new meetings file is there to stay.
  const unsynced = names.map(([, name]) => path.join(folder, name)).filter((at) => NOT_SYNCED.has(at));
  if (unsynced.length > 0) {
    await syncDirectory(folder);
    for (const at of unsynced) NOT_SYNCED.delete(at);
  }
  return { partnerships: Object.fromEntries(partnerships), meetingsFiles: Object.fromEntries(names) };
}

/** A meetings file's name, or a temporary one of a write that a crash cut short (see replace-file.ts). */
const OWN_FILE = /^[\w-]+\.[\da-z]+\.json(?:\.\d+\.\d+\.tmp)?$/;

/**
 * Removes the meetings files (and any left half-written by a crash) that the store file does not
 * name; nothing else in the folder, such as the copy of a damaged file kept for its owner.
 */
export async function removeUnnamedMeetingsFiles(file: string, named: readonly string[]): Promise<void> {
  const folder = meetingsFolder(file);
  const keep = new Set(named);
  const found = await readdir(folder).catch(() => [] as string[]);
  const removed = found.filter((name) => OWN_FILE.test(name) && !keep.has(name)).map((name) => path.join(folder, name));
  await Promise.all(removed.map((at) => rm(at, { force: true })));
  for (const at of removed) NOT_SYNCED.delete(at);
}
