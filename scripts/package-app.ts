/**
 * `npm run package`: fills manifest/manifest.json from the environment (BOT_ID, TEAMS_APP_ID,
 * PUBLIC_HOSTNAME, and TAB_SSO_APP_ID defaulting to BOT_ID; `${{NAME}}` placeholders, as the
 * Microsoft 365 Agents Toolkit fills them), checks it against the Teams manifest 1.25 schema and against the Teams rules
 * the schema cannot express (icon sizes and transparency, command counts and lengths, unique
 * ids), and writes build/appPackage.zip. Anything wrong stops it with what to fix.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ajvDraft04 from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { imageSize } from 'image-size';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { sharedFolder } from './shared-folder.js';
import { commandMenu } from '../src/turns/command-menu.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const MANIFEST_FOLDER = path.join(ROOT, 'manifest');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOSTNAME = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;

/** Teams shows at most this many commands in a bot's menu for a scope. */
const MAX_COMMANDS = 10;
const MAX_COMMAND_TITLE = 32;
const MAX_COMMAND_DESCRIPTION = 128;

export class PackageError extends Error {
  constructor(readonly problems: string[]) {
    super(`The app package was not written:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PackageError';
  }
}

type Manifest = {
  icons: { color: string; outline: string };
  bots?: { commandLists?: { scopes: string[]; commands: { title: string; description: string }[] }[] }[];
  staticTabs?: { entityId: string }[];
};

/** The manifest with its placeholders filled, or every problem with the environment. */
export function fillManifest(template: string, env: NodeJS.ProcessEnv): Manifest {
  const problems: string[] = [];
  const value = (name: string, check: RegExp, what: string): string => {
    const v = env[name]?.trim() ?? '';
    if (!v) problems.push(`${name} is not set: ${what}`);
    else if (!check.test(v)) problems.push(`${name} is "${v}": it must be ${what}`);
    return v;
  };
  const values = {
    TEAMS_APP_ID: value('TEAMS_APP_ID', GUID, "the Teams app's id (a GUID of your choosing, kept across versions)"),
    BOT_ID: value('BOT_ID', GUID, "the Azure Bot registration's app id (a GUID)"),
    PUBLIC_HOSTNAME: value(
      'PUBLIC_HOSTNAME',
      HOSTNAME,
      'the host name the bot is served from, without https:// (e.g. csp-bot.example.org)',
    ),
    // The tab's SSO registration: the bot's own unless it signs in as a managed identity.
    TAB_SSO_APP_ID: env.TAB_SSO_APP_ID?.trim()
      ? value('TAB_SSO_APP_ID', GUID, "the tab's SSO app registration's client id (a GUID)")
      : '',
  };
  values.TAB_SSO_APP_ID ||= values.BOT_ID;
  if (problems.length > 0) throw new PackageError(problems);
  const filled = template.replace(/\$\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in values ? values[name as keyof typeof values] : whole,
  );
  const left = /\$\{\{(\w+)\}\}/.exec(filled);
  if (left) throw new PackageError([`the manifest names a placeholder nobody fills: ${left[0]}`]);
  return JSON.parse(filled) as Manifest;
}

export function schemaProblems(manifest: unknown): string[] {
  const ajv = new ajvDraft04.default({ unicodeRegExp: false, strict: false, allErrors: true });
  (addFormatsModule as unknown as (a: typeof ajv) => void)(ajv);
  const validate = ajv.compile(
    JSON.parse(readFileSync(sharedFolder('schemas', 'teams-manifest-1.25.schema.json'), 'utf8')),
  );
  if (validate(manifest)) return [];
  return (validate.errors ?? []).slice(0, 10).map((e) => `manifest${e.instancePath}: ${e.message ?? 'is not valid'}`);
}

/** Whether every pixel is white (any opacity) or fully transparent, and some are transparent: the outline icon rule. */
function whiteOnTransparent(icon: Buffer): boolean {
  const { data } = PNG.sync.read(icon);
  let transparent = 0;
  for (let i = 0; i < data.length; i += 4) {
    const [r = 0, g = 0, b = 0, a = 0] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
    if (a === 0) transparent++;
    else if (r < 230 || g < 230 || b < 230) return false;
  }
  return transparent > 0;
}

/** The Teams rules the schema cannot express. */
export function teamsRuleProblems(manifest: Manifest, readIcon: (name: string) => Buffer): string[] {
  const problems: string[] = [];
  for (const [kind, size] of [
    ['color', 192],
    ['outline', 32],
  ] as const) {
    const file = manifest.icons[kind];
    let icon: Buffer;
    try {
      icon = readIcon(file);
    } catch {
      problems.push(`the ${kind} icon ${file} is missing from manifest/`);
      continue;
    }
    const { width, height, type } = imageSize(icon);
    if (type !== 'png') problems.push(`the ${kind} icon ${file} must be a PNG`);
    if (width !== size || height !== size)
      problems.push(`the ${kind} icon ${file} is ${width}x${height}; Teams needs ${size}x${size} (run npm run icons)`);
    if (kind === 'outline' && !whiteOnTransparent(icon))
      problems.push(`the outline icon ${file} must be white on a transparent background (an RGBA PNG)`);
  }
  for (const list of manifest.bots?.flatMap((b) => b.commandLists ?? []) ?? []) {
    const scope = list.scopes.join('/');
    if (list.commands.length > MAX_COMMANDS)
      problems.push(
        `the ${scope} command menu has ${list.commands.length} commands; Teams shows at most ${MAX_COMMANDS}`,
      );
    const titles = new Set<string>();
    for (const c of list.commands) {
      if (c.title.length > MAX_COMMAND_TITLE)
        problems.push(`command "${c.title}" is longer than ${MAX_COMMAND_TITLE} characters`);
      if (c.description.length > MAX_COMMAND_DESCRIPTION)
        problems.push(`the description of "${c.title}" is longer than ${MAX_COMMAND_DESCRIPTION} characters`);
      if (titles.has(c.title.toLowerCase())) problems.push(`command "${c.title}" appears twice in the ${scope} menu`);
      titles.add(c.title.toLowerCase());
    }
  }
  // The menu is written from the turn table (npm run menu), so it only offers what the bot answers.
  if (JSON.stringify(manifest.bots?.[0]?.commandLists) !== JSON.stringify(commandMenu()))
    problems.push("the manifest's command menu is not the turn table's: run npm run menu");
  const tabIds = (manifest.staticTabs ?? []).map((t) => t.entityId);
  if (new Set(tabIds).size !== tabIds.length) problems.push('two static tabs share an entityId');
  return problems;
}

/** Builds the package in memory; throws a PackageError naming every problem. */
export async function buildAppPackage(env: NodeJS.ProcessEnv, folder = MANIFEST_FOLDER): Promise<Buffer> {
  const manifest = fillManifest(readFileSync(path.join(folder, 'manifest.json'), 'utf8'), env);
  const readIcon = (name: string): Buffer => readFileSync(path.join(folder, name));
  const problems = [...schemaProblems(manifest), ...teamsRuleProblems(manifest, readIcon)];
  if (problems.length > 0) throw new PackageError(problems);
  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  zip.file(manifest.icons.color, readIcon(manifest.icons.color));
  zip.file(manifest.icons.outline, readIcon(manifest.icons.outline));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const zip = await buildAppPackage(process.env);
    mkdirSync(path.join(ROOT, 'build'), { recursive: true });
    writeFileSync(path.join(ROOT, 'build/appPackage.zip'), zip);
    console.log('wrote build/appPackage.zip: upload it in Teams (Apps > Manage your apps > Upload an app)');
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
