/**
 * Test helpers: the real seed documents (read from the shared folder's seeds, never
 * copied) and this importer's own fixtures in `test/fixtures/minutes/layouts`, parsed per file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedFolder } from '../../../scripts/shared-folder.js';
import { parseMinutesDocument, type ParsedDocument } from '../../../src/core/minutes/index.js';

const HERE = fileURLToPath(import.meta.url);
export const SEEDS = sharedFolder('seeds');
export const FIXTURES = path.resolve(HERE, '../../../fixtures/minutes/layouts');

export const SEED = {
  itemPage: '000_ceed36313205db39.txt',
  report: '001_4a379ed57b484013.txt',
  minutesPage: '002_bc0ead16dd3987d6.txt',
  notes: '003_0941d698233bc959.txt',
  olderItemPage: '004_733e496a4d42639d.txt',
} as const;

export function readSeed(name: string): string {
  return readFileSync(path.join(SEEDS, name), 'utf8');
}

export function parseSeed(name: string): ParsedDocument {
  return parseMinutesDocument(readSeed(name), name);
}

export function parseFixture(name: string): ParsedDocument {
  return parseMinutesDocument(readFileSync(path.join(FIXTURES, name), 'utf8'), name);
}
