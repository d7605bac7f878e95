/**
 * Where the partnership's shared material lives (seeds, schemas, sample questions): beside the
 * repository as `../shared`, or where CSP_SHARED_DIR points. One place decides, so tests and
 * scripts agree and a missing folder gives one clear message.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CANDIDATES = [process.env.CSP_SHARED_DIR, path.resolve(ROOT, '../shared'), '/work/shared'].filter((p): p is string => Boolean(p));

export function sharedFolder(...parts: string[]): string {
  const found = CANDIDATES.find((c) => existsSync(path.join(c, 'seeds')));
  if (!found) throw new Error(`the shared folder (seeds, schemas, eval) was not found; looked in ${CANDIDATES.join(', ')}. Set CSP_SHARED_DIR.`);
  return path.join(found, ...parts);
}
