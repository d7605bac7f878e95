/**
 * The whole-store backup file: the partnerships' records and every action in one JSON document,
 * written by `npm run export` and by the admin's "export the store" link, read by `npm run
 * restore`. Reading validates everything first (migrating a store from an older version), so that
 * a wrong or damaged file is refused with its problem named before anything is written.
 */
import { z } from 'zod';
import type { Action } from '../core/model/model.js';
import { actionSchema } from './action-journal.js';
import type { StoreData } from './schema.js';
import { parseStoreText } from './store.js';

const BACKUP_KIND = 'csp-bot-backup';

export interface BackupDocument {
  kind: typeof BACKUP_KIND;
  exportedAt: string;
  store: StoreData;
  actions: readonly Action[];
}

export function backupDocument(store: StoreData, actions: readonly Action[], exportedAt: Date): BackupDocument {
  return { kind: BACKUP_KIND, exportedAt: exportedAt.toISOString(), store, actions };
}

export function backupText(store: StoreData, actions: readonly Action[], exportedAt: Date): string {
  return `${JSON.stringify(backupDocument(store, actions, exportedAt), null, 2)}\n`;
}

/** The backup's store and actions, or an error saying what is wrong with it. */
export function readBackup(text: string, file: string): { store: StoreData; actions: Action[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${(error as Error).message})`);
  }
  const shape = z
    .object({ kind: z.literal(BACKUP_KIND), store: z.unknown(), actions: z.array(z.unknown()) })
    .safeParse(raw);
  if (!shape.success)
    throw new Error(`${file} is not a backup of this bot (it needs "kind": "${BACKUP_KIND}", a store and its actions)`);
  const store = parseStoreText(JSON.stringify(shape.data.store), file);
  const actions = shape.data.actions.map((a, i) => {
    const checked = actionSchema.safeParse(a);
    if (!checked.success) throw new Error(`${file}: action ${i + 1} is not valid: ${checked.error.issues[0]?.message}`);
    return checked.data;
  });
  return { store, actions };
}
