/**
 * Run as its own process (`node --import tsx test/helpers/constructed-patterns.ts`): loads every
 * module of src/core with `new RegExp` watched, and prints each pattern built at run time as JSON.
 * The lint sees only patterns it can evaluate in one file; these are checked with recheck.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CORE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'core');
const built: { source: string; flags: string }[] = [];
const NativeRegExp = RegExp;
globalThis.RegExp = new Proxy(NativeRegExp, {
  construct(target, args: [string | RegExp, string?]) {
    const made = new target(...args);
    // Only patterns src/core builds; libraries (chrono-node, stemmer) build their own.
    const caller = new Error().stack?.split('\n')[2] ?? '';
    if (caller.includes(`${path.sep}src${path.sep}core${path.sep}`))
      built.push({ source: made.source, flags: made.flags });
    return made;
  },
});

function modules(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? modules(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

for (const file of modules(CORE)) await import(pathToFileURL(file).href);
const unique = new Map(built.map((p) => [`/${p.source}/${p.flags}`, p]));
process.stdout.write(JSON.stringify([...unique.values()]));
