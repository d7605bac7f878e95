/**
 * The embedded default data set: Kent CSP's priorities, leads and meetings, built from the
 * public papers in data/seeds by `npm run build:default-store` and shipped with the code.
 * A new store starts as a copy of it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { APP_ROOT } from '../app-root.js';
import type { StoreData } from './schema.js';
import { parseStoreText } from './store.js';

export const DEFAULT_STORE_FILE = path.join(APP_ROOT, 'data', 'default-store.json');

export function loadDefaultStore(file = DEFAULT_STORE_FILE): StoreData {
  return parseStoreText(readFileSync(file, 'utf8'), file);
}
