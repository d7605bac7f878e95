/**
 * What is saved on disk for a data file, as another process would read it after a crash: the
 * store's snapshot with its change journal replayed, and the raw bytes of both files, to prove
 * that a refused request changed nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readJournalLines } from '../../src/store/change-journal.js';
import type { StoreData } from '../../src/store/schema.js';
import { applyOps } from '../../src/store/store-changes.js';
import { changeJournalFile } from '../../src/store/store.js';

export function storedData(dataFile: string): unknown {
  const { changesThrough = 0, ...snapshot } = JSON.parse(readFileSync(dataFile, 'utf8')) as StoreData & {
    changesThrough?: number;
  };
  const journal = changeJournalFile(dataFile);
  const lines = existsSync(journal) ? readJournalLines(readFileSync(journal, 'utf8'), journal) : [];
  return lines
    .filter((line) => line.seq > changesThrough)
    .reduce((data, line) => applyOps(data, line.ops), snapshot as StoreData);
}

export function storeBytes(dataFile: string): Buffer {
  const journal = changeJournalFile(dataFile);
  return Buffer.concat([
    readFileSync(dataFile),
    Buffer.from('\n--\n'),
    existsSync(journal) ? readFileSync(journal) : Buffer.alloc(0),
  ]);
}
