/**
 * One process at a time owns a store file: the bot, or the import command, never both, since
 * each keeps the data in memory and would save over the other's changes. The owner's pid is in
 * `<file>.lock`, which appears atomically with its content (a hard link of a file already
 * written, which fails if the lock exists). A lock left by a process that no longer runs is taken
 * over atomically too: under a claim file (itself created exclusively) the taker checks that the
 * lock still names the dead process it found and renames its own lock over it, so of several
 * processes racing for a stale lock exactly one wins and the others see it running.
 */
import {
  closeSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { StoreError } from './store-error.js';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid in the lock; 0 for a lock that names none (damaged), null for no lock. */
function holderOf(lockFile: string): number | null {
  try {
    const pid = Number(readFileSync(lockFile, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Creates `file` holding `content` only if there is none, never visible half-written. */
function createExclusive(file: string, content: string): boolean {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  try {
    linkSync(temporary, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP') throw error;
    // A file system without hard links: an exclusive create, written at once.
    try {
      const fd = openSync(file, 'wx');
      try {
        writeSync(fd, content);
      } finally {
        closeSync(fd);
      }
      return true;
    } catch (fallbackError) {
      if ((fallbackError as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw fallbackError;
    }
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** A claim left by a taker that died mid-takeover is old; a live one lasts microseconds. */
function removeIfOld(file: string, olderThanMs: number): void {
  try {
    if (Date.now() - statSync(file).mtimeMs > olderThanMs) rmSync(file, { force: true });
  } catch {
    // Gone already.
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));
/** How long a lock that names no process is taken to be one still being written. */
const NAMELESS_LOCK_MS = 5_000;

function modifiedWithin(file: string, ms: number): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs < ms;
  } catch {
    return false;
  }
}

/** Takes the lock or throws a StoreError naming the process that holds it; returns the release. */
export function lockStoreFile(file: string): () => void {
  const lockFile = `${file}.lock`;
  const claim = `${lockFile}.claim`;
  mkdirSync(path.dirname(lockFile), { recursive: true });
  const mine = String(process.pid);
  // Only our own lock is removed, never one another process has taken over since.
  const release = (): void => {
    if (holderOf(lockFile) === process.pid) rmSync(lockFile, { force: true });
  };
  for (let attempt = 0; attempt < 200; attempt++) {
    if (attempt > 0) Atomics.wait(pause, 0, 0, 5);
    if (createExclusive(lockFile, mine)) return release;
    const holder = holderOf(lockFile);
    if (holder === null) continue;
    // A lock naming nobody may be one being written (a file system without hard links creates it
    // empty, then writes the pid): stale only once it has stayed so for a while.
    if (holder === 0 && modifiedWithin(lockFile, NAMELESS_LOCK_MS)) continue;
    if (holder !== 0 && holder !== process.pid && isRunning(holder)) {
      throw new StoreError(
        `the store is in use by another process (pid ${holder}, e.g. the running bot); stop it first`,
        file,
      );
    }
    // Stale: one taker at a time, and only over the very lock found stale.
    removeIfOld(claim, 10_000);
    if (!createExclusive(claim, mine)) continue;
    try {
      if (holderOf(lockFile) !== holder) continue;
      const temporary = `${lockFile}.${process.pid}.taking`;
      writeFileSync(temporary, mine);
      renameSync(temporary, lockFile);
      return release;
    } finally {
      rmSync(claim, { force: true });
    }
  }
  throw new StoreError('could not take the store lock', file);
}
