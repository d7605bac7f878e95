/**
 * Builds the embedded default store, data/default-store.json: the curated priorities, history,
 * aliases and leads of data/curated/ (from data/DATA.md), plus the meetings, items,
 * resolutions, attendance, people and draft actions that the minutes importer reads from data/seeds.
 * `npm run build:default-store` rewrites the file; a test rebuilds it and compares.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Partnership } from '../src/core/model/model.js';
import {
  mergeParsedDocument,
  parseMinutesDocument,
  proposeDraftActions,
  type MinutesRecords,
} from '../src/core/minutes/index.js';
import { DEFAULT_STORE_FILE } from '../src/store/default-store.js';
import { CURRENT_STORE_VERSION, storeSchema, type StoreData } from '../src/store/schema.js';
import { sharedFolder } from './shared-folder.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SEEDS_FOLDER = sharedFolder('seeds');
export const CURATED_FILE = path.join(ROOT, 'data/curated/kent-csp.json');

type Curated = Omit<Partnership, 'people' | 'meetings' | 'roles' | 'draftActions' | 'channels' | 'agendas'>;

export function importSeeds(folder = SEEDS_FOLDER): MinutesRecords {
  const files = readdirSync(folder)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  let records: MinutesRecords = { meetings: [], people: [] };
  for (const file of files) {
    const parsed = parseMinutesDocument(readFileSync(path.join(folder, file), 'utf8'), file);
    records = mergeParsedDocument(records, parsed).records;
  }
  return records;
}

export function buildDefaultStore(seeds = SEEDS_FOLDER, curatedFile = CURATED_FILE): StoreData {
  const curated = JSON.parse(readFileSync(curatedFile, 'utf8')) as Curated;
  const { meetings, people } = importSeeds(seeds);
  const missing = curated.leads.filter((l) => l.personId !== null && !people.some((p) => p.id === l.personId));
  if (missing.length > 0) {
    throw new Error(`leads name people the importer did not find: ${missing.map((l) => l.personId).join(', ')}`);
  }
  const draftActions = proposeDraftActions(meetings, people);
  const partnership: Partnership = { ...curated, people, meetings, roles: [], draftActions, channels: [], agendas: [] };
  return storeSchema.parse({
    version: CURRENT_STORE_VERSION,
    defaultPartnershipId: curated.id,
    partnerships: { [curated.id]: partnership },
    conversations: [],
    memberships: {},
  });
}

export function serialiseStore(data: StoreData): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const data = buildDefaultStore();
  writeFileSync(DEFAULT_STORE_FILE, serialiseStore(data));
  const partnership = data.partnerships[data.defaultPartnershipId];
  console.log(
    `wrote ${path.relative(process.cwd(), DEFAULT_STORE_FILE)}: ${partnership?.meetings.length} meetings, ${partnership?.people.length} people`,
  );
}
