/**
 * The tab's files: its HTML and CSS as they are, and its TypeScript (with @microsoft/teams-js)
 * bundled once with esbuild when the server starts, so there is no separate build step.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const TAB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../tab');

export interface TabAssets {
  html: string;
  configHtml: string;
  css: string;
  scripts: Record<'tab.js' | 'teams.js' | 'config.js', string>;
}

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(TAB, entry)],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2020',
    minify: true,
    // The Teams side stays a separate file that tab.js imports only inside Teams.
    external: ['/tab/teams.js'],
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

let loaded: Promise<TabAssets> | undefined;

/** Bundled once per process: the sources do not change while it runs. */
export function loadTabAssets(): Promise<TabAssets> {
  loaded ??= bundleAssets();
  return loaded;
}

async function bundleAssets(): Promise<TabAssets> {
  const [tab, teams, config] = await Promise.all([bundle('tab.ts'), bundle('teams.ts'), bundle('config.ts')]);
  return {
    html: readFileSync(path.join(TAB, 'index.html'), 'utf8'),
    configHtml: '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Add the Partnership tab</title></head><body><p>Select Save to add the Partnership tab to this channel.</p><script type="module" src="/tab/config.js"></script></body></html>',
    css: readFileSync(path.join(TAB, 'tab.css'), 'utf8'),
    scripts: { 'tab.js': tab, 'teams.js': teams, 'config.js': config },
  };
}
