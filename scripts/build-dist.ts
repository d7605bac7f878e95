/**
 * `npm run build`: compiles the server to dist/ with tsc and puts beside it what it reads at run
 * time (the default data set, the card templates, the tab's page, styles and bundled scripts), so
 * it runs with production dependencies only (no tsx, no esbuild). The server is also bundled into
 * one file with its dependencies, `dist/server.mjs`, started by `dist/start.mjs` (what `npm start`
 * runs): loading one file instead of some two thousand modules halves the time from start to the
 * first answer (see README, Speed). The command-line tools stay as compiled modules in dist/src.
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
  await bundleServer(outDir);
}

/** The compiled server and its dependencies as one ES module, and the launcher that starts it. */
async function bundleServer(outDir: string): Promise<void> {
  const { build } = await import('esbuild');
  await build({
    entryPoints: { server: path.join(outDir, 'src', 'index.js') },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    // What is imported only when needed (the PDF and Word readers) goes in chunks of its own, loaded then.
    splitting: true,
    chunkNames: 'server-chunks/[name]-[hash]',
    bundle: true,
    // The dependencies are this repository's, wherever the build is written.
    nodePaths: [path.join(ROOT, 'node_modules')],
    platform: 'node',
    format: 'esm',
    target: 'node22',
    // Smaller to read and parse, with the names kept so that logged stack traces stay readable.
    minifyWhitespace: true,
    minifySyntax: true,
    keepNames: true,
    // esbuild is imported only to bundle the tab from source (never in a build); dtrace-provider is
    // an optional native part of restify's logger that it does without.
    external: ['esbuild', 'dtrace-provider'],
    // The deprecated built-in punycode, as the userland package of the same code.
    alias: { punycode: 'punycode/' },
    // The CommonJS dependencies inside an ES module still find require and their file names.
    banner: {
      js: [
        "import { createRequire as __createRequire } from 'node:module';",
        "import { fileURLToPath as __fileURLToPath } from 'node:url';",
        'const require = __createRequire(import.meta.url);',
        'const __filename = __fileURLToPath(import.meta.url);',
        "const __dirname = __fileURLToPath(new URL('.', import.meta.url));",
      ].join('\n'),
    },
    logLevel: 'warning',
  });
  writeFileSync(
    path.join(outDir, 'start.mjs'),
    [
      '// Written by `npm run build`. Keeps the compiled code of the bundled server between starts',
      "// (Node's compile cache, in the system's temporary folder), then runs it.",
      "import module from 'node:module';",
      'module.enableCompileCache?.();',
      "await import('./server.mjs');",
      '',
    ].join('\n'),
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildDist();
  console.log(`built ${path.relative(ROOT, DIST)}/ (start it with: node dist/start.mjs)`);
}
