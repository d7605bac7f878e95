/**
 * One process at a time owns a store file: the bot, or the import command, never both, since
 * each keeps the data in memory and would save over the other's changes. The owner's pid is
 * written to `<file>.lock`; a lock left by a process that no longer runs is taken over.
 */
import { openSync, closeSync, readFileSync, rmSync, writeSync, mkdirSync } from 'node:fs';
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

/** Takes the lock or throws a StoreError naming the process that holds it; returns the release. */
export function lockStoreFile(file: string): () => void {
  const lockFile = `${file}.lock`;
  mkdirSync(path.dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lockFile, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder)) {
        throw new StoreError(`the store is in use by another process (pid ${holder}, e.g. the running bot); stop it first`, file);
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new StoreError('could not take the store lock', file);
}
