// `npm start` runs this first (plain JavaScript: it must run with production dependencies only).
// With the dev dependencies installed it builds dist/ from the sources, so a start always runs the
// current code; without them (`npm ci --omit=dev` on a server) it uses the dist/ built before.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (existsSync(path.join(root, 'node_modules', 'typescript')) && existsSync(path.join(root, 'node_modules', 'tsx'))) {
  const npm = process.env.npm_execpath;
  const result = npm
    ? spawnSync(process.execPath, [npm, 'run', 'build'], { cwd: root, stdio: 'inherit' })
    : spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  process.exit(result.status ?? 1);
} else if (existsSync(path.join(root, 'dist', 'start.mjs'))) {
  console.log('Dev dependencies are not installed: starting the build already in dist/.');
} else {
  console.error(
    'There is no build in dist/ and the dev dependencies needed to make one are not installed.\nRun `npm ci && npm run build` first (then `npm ci --omit=dev` may remove the dev dependencies).',
  );
  process.exit(1);
}
