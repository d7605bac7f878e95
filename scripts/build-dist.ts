/**
 * `npm run build`: compiles the server to dist/ with tsc and puts beside it what it reads at run
 * time (the default data set, the card templates, the tab's page, styles and bundled scripts), so
 * `node dist/src/index.js` runs with production dependencies only (no tsx, no esbuild).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleTabScripts } from '../src/http/tab-assets.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = path.join(ROOT, 'dist');

export async function buildDist(outDir = DIST): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  // TypeScript 7 compiles; the `typescript` package is 6.0, whose JS API typescript-eslint reads.
  const tsc = path.join(ROOT, 'node_modules', 'typescript-7', 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json'), '--outDir', outDir], {
    stdio: 'inherit',
  });
  // Same relative places as in the repository, so the compiled modules find them as the sources do.
  cpSync(path.join(ROOT, 'data', 'default-store.json'), path.join(outDir, 'data', 'default-store.json'));
  cpSync(path.join(ROOT, 'cards'), path.join(outDir, 'cards'), { recursive: true });
  const tab = path.join(outDir, 'src', 'tab');
  mkdirSync(tab, { recursive: true });
  for (const file of ['index.html', 'tab.css']) cpSync(path.join(ROOT, 'src', 'tab', file), path.join(tab, file));
  for (const [file, text] of Object.entries(await bundleTabScripts(path.join(ROOT, 'src', 'tab'))))
    writeFileSync(path.join(tab, file), text);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildDist();
  console.log(`built ${path.relative(ROOT, DIST)}/ (start it with: node dist/src/index.js)`);
}
