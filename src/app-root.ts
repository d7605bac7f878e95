/**
 * The folder the program's own files are read from (the card templates, the default data set,
 * the tab's page): the repository when run from the sources, `dist/` when built, whether as the
 * compiled modules or as the one bundled file. It is the nearest folder above this module that
 * holds `cards/`, so that every module finds the same files wherever the build put it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findAppRoot(start: string): string {
  for (let folder = start; ; folder = path.dirname(folder)) {
    if (existsSync(path.join(folder, 'cards'))) return folder;
    if (path.dirname(folder) === folder) throw new Error(`no cards/ folder above ${start}`);
  }
}

export const APP_ROOT = findAppRoot(path.dirname(fileURLToPath(import.meta.url)));
