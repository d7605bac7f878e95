/**
 * Where the partnership's shared material lives (seed documents, schemas, sample questions). It is
 * kept in this repository, so a clone needs nothing beside it:
 *
 *   seeds/...    -> data/seeds/     (the default data set's source documents)
 *   DATA.md      -> data/DATA.md    (the curated priorities and leads they come with)
 *   schemas/...  -> schemas/        (Adaptive Card 1.5 and Teams manifest 1.25, with licences)
 *   eval/...     -> eval/           (sample questions; other-csp-dev/ for other partnerships)
 *
 * File names are the same as in the shared folder they were copied from, so new material is
 * dropped in as it is. CSP_SHARED_DIR points every lookup at such a folder instead (its own
 * layout: seeds/, schemas/, eval/, DATA.md), e.g. to try material not yet copied in.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const IN_REPOSITORY: Record<string, string> = {
  seeds: path.join(ROOT, 'data', 'seeds'),
  'DATA.md': path.join(ROOT, 'data', 'DATA.md'),
  schemas: path.join(ROOT, 'schemas'),
  eval: path.join(ROOT, 'eval'),
};

/** A path in the shared material, e.g. sharedFolder('eval', 'dev-questions.json'). */
export function sharedFolder(top: string, ...parts: string[]): string {
  const override = process.env.CSP_SHARED_DIR;
  if (override) return path.join(override, top, ...parts);
  const base = IN_REPOSITORY[top];
  if (!base) throw new Error(`no shared material called "${top}" (known: ${Object.keys(IN_REPOSITORY).join(', ')})`);
  return path.join(base, ...parts);
}

export const SEEDS_FOLDER = sharedFolder('seeds');
export const SCHEMAS_FOLDER = sharedFolder('schemas');
export const EVAL_FOLDER = sharedFolder('eval');
/** Other partnerships' published pages and their questions (see eval/README.md). */
export const OTHER_CSP_EVAL_FOLDER = sharedFolder('eval', 'other-csp-dev');
