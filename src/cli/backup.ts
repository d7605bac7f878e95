/**
 * `npm run export [-- FILE]` writes the whole store (the partnerships' records and every action)
 * as one JSON file; `npm run restore -- FILE` reads one back into DATA_FILE. The file is validated
 * before anything is written: one from an older version is migrated, a wrong or damaged one is
 * refused with the problem named and the store left as it was. A restore takes the store's lock,
 * so it refuses while the bot runs; an export takes none and only reads, so it works meanwhile.
 */
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { loadConfig } from '../config.js';
import { ActionJournal } from '../store/action-journal.js';
import { backupText, readBackup } from '../store/backup-file.js';
import { loadDefaultStore } from '../store/default-store.js';
import { lockStoreFile } from '../store/store-lock.js';
import { openStore, replaceStoreFile } from '../store/store.js';
import type { CliIo } from './import-minutes.js';

export async function exportStore(file: string | undefined, io: CliIo): Promise<number> {
  const config = loadConfig(io.env);
  const store = await openStore({ file: config.dataFile, defaults: loadDefaultStore, readOnly: true });
  const data = store.data();
  await store.close();
  const held = await ActionJournal.read(`${config.dataFile}.actions`);
  const actions = Object.keys(data.partnerships).flatMap((id) =>
    held.filter((a) => a.partnershipId === id).sort((a, b) => a.number - b.number),
  );
  const text = backupText(data, actions, new Date());
  if (file) {
    await writeFile(file, text);
    io.out(`exported ${Object.keys(data.partnerships).length} partnerships and ${actions.length} actions to ${file}`);
  } else {
    io.out(text.trimEnd());
  }
  return 0;
}

export async function restoreStore(file: string | undefined, io: CliIo): Promise<number> {
  if (!file) {
    io.err('usage: npm run restore -- FILE');
    return 2;
  }
  let backup: ReturnType<typeof readBackup>;
  try {
    backup = readBackup(await readFile(file, 'utf8'), file);
  } catch (error) {
    io.err(`restore refused, nothing changed: ${(error as Error).message}`);
    return 1;
  }
  const config = loadConfig(io.env);
  // The old store is not read: restoring over a damaged one is when a restore is needed most.
  const release = lockStoreFile(config.dataFile);
  try {
    await replaceStoreFile(config.dataFile, backup.store);
    const journal = await ActionJournal.open(`${config.dataFile}.actions`).catch(async () => {
      await unlink(`${config.dataFile}.actions`);
      return ActionJournal.open(`${config.dataFile}.actions`);
    });
    await journal.replaceAll(backup.actions);
    await journal.close();
  } finally {
    release();
  }
  io.out(
    `restored ${Object.keys(backup.store.partnerships).length} partnerships and ${backup.actions.length} actions into ${config.dataFile}`,
  );
  return 0;
}

const [command, file] = process.argv.slice(2);
if (/backup\.[jt]s$/.test(process.argv[1] ?? '') && (command === 'export' || command === 'restore')) {
  const io: CliIo = { env: process.env, out: console.log, err: console.error };
  (command === 'export' ? exportStore(file, io) : restoreStore(file, io))
    .then((code) => process.exit(code))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
