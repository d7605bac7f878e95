/**
 * What is saved on disk for a data file, as another process would read it after a crash: the
 * store's snapshot with its meetings files and change journal, and the raw bytes of all of them,
 * to prove that a refused request changed nothing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readJournalLines } from '../../src/store/change-journal.js';
import { meetingsFolder } from '../../src/store/meetings-files.js';
import type { StoreData } from '../../src/store/schema.js';
import { applyOps } from '../../src/store/store-changes.js';
import { changeJournalFile } from '../../src/store/store.js';

export function storedData(dataFile: string): unknown {
  const {
    changesThrough = 0,
    meetingsFiles = {},
    ...snapshot
  } = JSON.parse(readFileSync(dataFile, 'utf8')) as StoreData & {
    changesThrough?: number;
    meetingsFiles?: Record<string, string>;
  };
  for (const [id, name] of Object.entries(meetingsFiles))
    snapshot.partnerships[id]!.meetings = JSON.parse(
      readFileSync(path.join(meetingsFolder(dataFile), name), 'utf8'),
    ) as StoreData['partnerships'][string]['meetings'];
  const journal = changeJournalFile(dataFile);
  const lines = existsSync(journal) ? readJournalLines(readFileSync(journal, 'utf8'), journal) : [];
  return lines
    .filter((line) => line.seq > changesThrough)
    .reduce((data, line) => applyOps(data, line.ops), snapshot as StoreData);
}

export function storeBytes(dataFile: string): Buffer {
  const journal = changeJournalFile(dataFile);
  const folder = meetingsFolder(dataFile);
  const meetings = existsSync(folder) ? readdirSync(folder).sort() : [];
  return Buffer.concat([
    readFileSync(dataFile),
    Buffer.from('\n--\n'),
    existsSync(journal) ? readFileSync(journal) : Buffer.alloc(0),
    ...meetings.flatMap((name) => [Buffer.from(`\n-- ${name}\n`), readFileSync(path.join(folder, name))]),
  ]);
}
