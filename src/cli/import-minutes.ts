/**
 * `npm run import -- FILE... [--dry-run] [--partnership ID]`: reads published minutes into the
 * store at DATA_FILE and reports, per file, what it added, merged and skipped. Every file is
 * read before the store is touched, so a file it cannot read (empty, binary, an HTML page it
 * does not know) stops the import with the file and line and leaves the store as it was.
 * `--dry-run` prints the same report and writes nothing.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../config.js';
import {
  mergeParsedDocument,
  MinutesFormatError,
  parseMinutesDocument,
  proposeDraftActions,
  type ImportReport,
  type MinutesRecords,
  type ParsedDocument,
} from '../core/minutes/index.js';
import { loadDefaultStore } from '../store/default-store.js';
import { openStore } from '../store/store.js';
import { importThroughRunningBot } from './running-bot-import.js';

export interface CliIo {
  env: NodeJS.ProcessEnv;
  out: (line: string) => void;
  err: (line: string) => void;
}

const USAGE = 'usage: npm run import -- FILE... [--dry-run] [--partnership ID]';

interface Arguments {
  files: string[];
  dryRun: boolean;
  partnershipId?: string;
}

function readArguments(args: readonly string[]): Arguments | string {
  const files: string[] = [];
  let dryRun = false;
  let partnershipId: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--dry-run') dryRun = true;
    else if (arg === '--partnership') partnershipId = args[++i];
    else if (arg.startsWith('--')) return `unknown option ${arg}\n${USAGE}`;
    else files.push(arg);
  }
  if (files.length === 0) return `no files given\n${USAGE}`;
  return { files, dryRun, ...(partnershipId ? { partnershipId } : {}) };
}

async function parseAll(files: readonly string[]): Promise<ParsedDocument[] | string> {
  const parsed: ParsedDocument[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      return `${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
    }
    try {
      parsed.push(parseMinutesDocument(text, path.basename(file)));
    } catch (error) {
      if (error instanceof MinutesFormatError) return `${file} line ${error.line}: ${error.problem}`;
      throw error;
    }
  }
  return parsed;
}

function describe(report: ImportReport, layout: string): string[] {
  const list = (label: string, items: string[]): string => `  ${label} ${items.length}${items.length > 0 ? `: ${items.join('; ')}` : ''}`;
  return [
    `${report.file} (${layout})`,
    list('added', report.added),
    list('merged', report.merged),
    list('skipped', report.skipped),
    ...report.warnings.map((w) => `  warning: ${w}`),
  ];
}

export async function runImport(args: readonly string[], io: CliIo): Promise<number> {
  const parsedArgs = readArguments(args);
  if (typeof parsedArgs === 'string') {
    io.err(parsedArgs);
    return 2;
  }
  const documents = await parseAll(parsedArgs.files);
  if (typeof documents === 'string') {
    io.err(`import stopped, nothing written: ${documents}`);
    return 1;
  }
  const config = loadConfig(io.env);
  const handed = parsedArgs.dryRun ? null : await importThroughRunningBot(config.dataFile, parsedArgs.files, parsedArgs.partnershipId);
  if (handed) {
    handed.lines.forEach((line) => (handed.code === 0 ? io.out : io.err)(line));
    return handed.code;
  }
  const store = await openStore({ file: config.dataFile, defaults: loadDefaultStore, readOnly: parsedArgs.dryRun });
  const partnership = store.partnership(parsedArgs.partnershipId ?? config.defaultPartnershipId);
  if (!partnership) {
    await store.close();
    io.err(`no partnership "${parsedArgs.partnershipId}" in ${config.dataFile}`);
    return 1;
  }
  let records: MinutesRecords = { meetings: partnership.meetings, people: partnership.people };
  let changed = false;
  for (const document of documents) {
    const { records: next, report } = mergeParsedDocument(records, document);
    records = next;
    changed ||= report.added.length > 0 || report.merged.length > 0;
    describe(report, document.layout).forEach((line) => io.out(line));
  }
  const draftActions = proposeDraftActions(records.meetings, records.people, partnership.draftActions);
  const newDrafts = draftActions.length - partnership.draftActions.length;
  if (newDrafts > 0) io.out(`${newDrafts} draft actions proposed for the secretariat to confirm`);
  if (parsedArgs.dryRun) {
    io.out(`dry run: nothing written to ${config.dataFile}`);
    return 0;
  }
  if (!changed && newDrafts === 0) {
    await store.close();
    io.out(`nothing new: ${config.dataFile} unchanged`);
    return 0;
  }
  await store.update((data) => {
    const target = data.partnerships[partnership.id];
    if (!target) return;
    target.meetings = records.meetings;
    target.people = records.people;
    target.draftActions = draftActions;
  });
  await store.close();
  io.out(`saved to ${config.dataFile}`);
  return 0;
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  runImport(process.argv.slice(2), { env: process.env, out: console.log, err: console.error })
    .then((code) => process.exit(code))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
