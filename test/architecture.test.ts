import { expect } from 'chai';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    return statSync(full).isDirectory() ? filesUnder(full) : full.endsWith('.ts') ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g)].map(
    (m) => m[1] ?? m[2] ?? '',
  );
}

// Files that grew past the limit once formatting unpacked their lines; being split (issue 14).
const STILL_TO_SPLIT = new Set<string>([]);

/**
 * The domain core's folders, lowest first: each may import only from folders before it, so the
 * core reads from the bottom up (text and dates, the model, minutes, answers, commands, then features).
 */
const CORE_ORDER = [
  'text',
  'card-verbs.ts',
  'model',
  'minutes',
  'answers',
  'commands',
  'records',
  'partnerships',
  'roles',
  'channels',
  'agendas',
  'priorities',
  'resolutions',
  'actions',
  'minutes-import',
  'tab',
];

/** The source files a file imports (relative imports only), as absolute paths. */
function localImports(file: string): string[] {
  return importsOf(file)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts')));
}

/** The files of the first import cycle found, or [] when there is none. */
function firstCycle(files: readonly string[]): string[] {
  const state = new Map<string, 'visiting' | 'done'>();
  const trail: string[] = [];
  const visit = (file: string): string[] => {
    if (state.get(file) === 'done') return [];
    if (state.get(file) === 'visiting') return [...trail.slice(trail.indexOf(file)), file];
    state.set(file, 'visiting');
    trail.push(file);
    for (const next of localImports(file)) {
      const cycle = visit(next);
      if (cycle.length > 0) return cycle;
    }
    trail.pop();
    state.set(file, 'done');
    return [];
  };
  for (const file of files) {
    const cycle = visit(file);
    if (cycle.length > 0) return cycle.map((f) => path.relative(SRC, f));
  }
  return [];
}

describe('architecture', () => {
  it('has no import cycles', () => {
    expect(firstCycle(filesUnder(SRC))).to.deep.equal([]);
  });

  it('keeps the core folders in their stated order', () => {
    const core = path.join(SRC, 'core');
    const folderOf = (file: string) => path.relative(core, file).split(path.sep)[0] ?? '';
    expect([...readdirSync(core)].sort()).to.deep.equal([...CORE_ORDER].sort());
    for (const file of filesUnder(core))
      for (const target of localImports(file)) {
        const from = CORE_ORDER.indexOf(folderOf(file));
        const to = CORE_ORDER.indexOf(folderOf(target));
        if (from !== to)
          expect(to, `${path.relative(SRC, file)} imports ${path.relative(SRC, target)}`).to.be.below(from);
      }
  });

  it('keeps the turn layer free of any SDK and of the store', () => {
    for (const file of filesUnder(path.join(SRC, 'turns')))
      for (const specifier of importsOf(file))
        expect(
          /^(botbuilder|botframework-|restify|lowdb|@microsoft\/agents)|\/(bot|http|store)\//.test(specifier),
          `${path.relative(SRC, file)} imports ${specifier}`,
        ).to.equal(false);
  });

  it('keeps the domain core free of the frameworks and the store', () => {
    const forbidden = /^(botbuilder|botframework-|restify|lowdb|adaptivecards-templating|adaptive-expressions|pino)/;
    for (const file of filesUnder(path.join(SRC, 'core'))) {
      for (const specifier of importsOf(file)) {
        expect(forbidden.test(specifier), `${path.relative(SRC, file)} imports ${specifier}`).to.equal(false);
        expect(
          /\/(bot|http|store|views)\//.test(specifier),
          `${path.relative(SRC, file)} imports ${specifier}`,
        ).to.equal(false);
      }
    }
  });

  it('keeps botbuilder inside src/bot and restify inside src/http', () => {
    for (const file of filesUnder(SRC)) {
      const folder = path.relative(SRC, file).split(path.sep)[0];
      for (const specifier of importsOf(file)) {
        if (/^(botbuilder|botframework-)/.test(specifier))
          expect(folder, `${file} imports ${specifier}`).to.equal('bot');
        if (/^restify/.test(specifier)) expect(folder, `${file} imports ${specifier}`).to.equal('http');
      }
    }
  });

  // Counted after formatting, so a file cannot look small by packing long lines.
  it('keeps files under 330 formatted lines', async () => {
    for (const file of filesUnder(SRC)) {
      const relative = path.relative(SRC, file);
      if (STILL_TO_SPLIT.has(relative)) continue;
      const options = { ...(await prettier.resolveConfig(file)), filepath: file };
      const lines = (await prettier.format(readFileSync(file, 'utf8'), options)).split('\n').length;
      expect(lines, `${relative} has ${lines} formatted lines`).to.be.below(330);
    }
    // Formatting every source file takes about 8 s idle and over 20 s on the shared, loaded machine.
  }).timeout(120_000);
});
