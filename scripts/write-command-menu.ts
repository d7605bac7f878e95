/**
 * `npm run menu`: writes the Teams command menu (the manifest's `commandLists`) from the turn
 * table (see src/turns/command-menu.ts), so the menu offers exactly what the bot answers.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { commandMenu } from '../src/turns/command-menu.js';

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../manifest/manifest.json');
const manifest = JSON.parse(readFileSync(file, 'utf8')) as { bots: { commandLists?: unknown }[] };
for (const bot of manifest.bots) bot.commandLists = commandMenu();
writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`command menu written to ${path.relative(process.cwd(), file)}`);
