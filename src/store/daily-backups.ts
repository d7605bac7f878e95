/**
 * A rotating daily copy of the whole store beside it (`<DATA_FILE>.backups/backup-YYYY-MM-DD.json`),
 * in the backup format, so that `npm run restore -- <that file>` brings back any of the last days.
 * Written atomically once a day; the oldest beyond the number kept are deleted.
 */
import { readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { BackupDocument } from './backup-file.js';
import { DurableJsonFile } from './durable-json-file.js';

const NAME = /^backup-(\d{4}-\d{2}-\d{2})\.json$/;

export function backupFolder(dataFile: string): string {
  return `${dataFile}.backups`;
}

/** Writes today's copy if there is none yet, and rotates; resolves with the file written, or null. */
export async function writeDailyBackup(options: {
  dataFile: string;
  today: string;
  keep: number;
  /** Asked for only when today's copy is due. */
  document: () => Promise<BackupDocument>;
}): Promise<string | null> {
  if (options.keep <= 0) return null;
  const folder = backupFolder(options.dataFile);
  const existing = await readdir(folder).catch(() => [] as string[]);
  const file = path.join(folder, `backup-${options.today}.json`);
  let written: string | null = null;
  if (!existing.includes(path.basename(file))) {
    await new DurableJsonFile<BackupDocument>(file, () => {
      throw new Error('backups are written here, never read back by the bot');
    }).write(await options.document());
    written = file;
  }
  const dated = [...new Set([...existing, path.basename(file)])].filter((f) => NAME.test(f)).sort();
  for (const old of dated.slice(0, Math.max(0, dated.length - options.keep)))
    await unlink(path.join(folder, old)).catch(() => undefined);
  return written;
}
