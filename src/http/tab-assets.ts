/**
 * The tab's files: its HTML and CSS as they are, and its TypeScript (with @microsoft/teams-js)
 * bundled with esbuild. `npm run build` writes the bundles beside the compiled server
 * (dist/src/tab), so the shipped program reads them and needs no esbuild; run from source
 * (tsx, tests) there are none and they are bundled once when the server starts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { APP_ROOT } from '../app-root.js';

const TAB = path.join(APP_ROOT, 'src', 'tab');

export const TAB_SCRIPTS = ['tab.js', 'teams.js', 'config.js'] as const;
export type TabScript = (typeof TAB_SCRIPTS)[number];

export interface TabAssets {
  html: string;
  configHtml: string;
  css: string;
  scripts: Record<TabScript, string>;
}

/** Bundles the tab's three scripts from the TypeScript in `folder` (esbuild is a build-time tool, loaded only here). */
export async function bundleTabScripts(folder = TAB): Promise<Record<TabScript, string>> {
  const { build } = await import('esbuild');
  const bundle = async (script: TabScript): Promise<string> => {
    const result = await build({
      entryPoints: [path.join(folder, script.replace(/\.js$/, '.ts'))],
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
  };
  const [tab, teams, config] = await Promise.all(TAB_SCRIPTS.map(bundle));
  return { 'tab.js': tab ?? '', 'teams.js': teams ?? '', 'config.js': config ?? '' };
}

let loaded: Promise<TabAssets> | undefined;

/** Loaded once per process: the sources do not change while it runs. */
export function loadTabAssets(): Promise<TabAssets> {
  loaded ??= readAssets();
  return loaded;
}

async function readAssets(): Promise<TabAssets> {
  const prebuilt = TAB_SCRIPTS.every((script) => existsSync(path.join(TAB, script)));
  const scripts = prebuilt
    ? (Object.fromEntries(
        TAB_SCRIPTS.map((script) => [script, readFileSync(path.join(TAB, script), 'utf8')]),
      ) as Record<TabScript, string>)
    : await bundleTabScripts();
  return {
    html: readFileSync(path.join(TAB, 'index.html'), 'utf8'),
    configHtml:
      '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Add the Partnership tab</title></head><body><p>Select Save to add the Partnership tab to this channel.</p><script type="module" src="/tab/config.js"></script></body></html>',
    css: readFileSync(path.join(TAB, 'tab.css'), 'utf8'),
    scripts,
  };
}
