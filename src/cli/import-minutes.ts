/**
 * `npm run import -- FILE... [--dry-run] [--partnership ID [--name "Full Name (Short)"]]`: reads
 * published minutes into the store at DATA_FILE and reports, per file, what it added, merged and
 * skipped. Every file is read before the store is touched; a file that is not minutes (empty,
 * binary, an HTML page, unrelated text) is reported with the file and line and nothing of it is
 * written, while the readable files are imported; the exit code is 1 when any file was refused.
 * `--partnership ID` imports into that partnership, creating it when it is new (a new district),
 * named by `--name` or else by the body its pages name. `--dry-run` reports and writes nothing.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../config.js';
import {
  mergeParsedDocument,
  MinutesFormatError,
  parseMinutesDocument,
  proposeDraftActions,
  type MinutesRecords,
  type ParsedDocument,
} from '../core/minutes/index.js';
import type { Partnership } from '../core/model/model.js';
import { newPartnership, readPartnershipName } from '../core/partnerships/new-partnership.js';
import { UNKNOWN_BODY } from '../core/minutes/meeting-ids.js';
import { loadDefaultStore } from '../store/default-store.js';
import { openStore } from '../store/store.js';
import { describeImportReport } from '../core/minutes-import/handed-import.js';
import { importThroughRunningBot } from './running-bot-import.js';

export interface CliIo {
  env: NodeJS.ProcessEnv;
  out: (line: string) => void;
  err: (line: string) => void;
}

const USAGE = 'usage: npm run import -- FILE... [--dry-run] [--partnership ID [--name "Full Name (Short)"]]';

interface Arguments {
  files: string[];
  dryRun: boolean;
  partnershipId?: string;
  name?: string;
}

function readArguments(args: readonly string[]): Arguments | string {
  const files: string[] = [];
  let dryRun = false;
  let partnershipId: string | undefined;
  let name: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--dry-run') dryRun = true;
    else if (arg === '--partnership') partnershipId = args[++i];
    else if (arg === '--name') name = args[++i];
    else if (arg.startsWith('--')) return `unknown option ${arg}\n${USAGE}`;
    else files.push(arg);
  }
  if (files.length === 0) return `no files given\n${USAGE}`;
  if (partnershipId !== undefined && !/^[a-z0-9][a-z0-9-]{0,59}$/.test(partnershipId))
    return `--partnership needs an id of lower-case letters, digits and hyphens\n${USAGE}`;
  if (name !== undefined && (partnershipId === undefined || typeof readPartnershipName(name) === 'string'))
    return `--name goes with --partnership: "Full Name (Short)"\n${USAGE}`;
  return { files, dryRun, ...(partnershipId ? { partnershipId } : {}), ...(name ? { name } : {}) };
}

/** Each file read on its own: one that cannot be read is reported and the others still go in. */
async function parseAll(
  files: readonly string[],
): Promise<{ parsed: ParsedDocument[]; readable: string[]; refused: string[] }> {
  const parsed: ParsedDocument[] = [];
  const readable: string[] = [];
  const refused: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      refused.push(
        `${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      );
      continue;
    }
    try {
      parsed.push(parseMinutesDocument(text, path.basename(file)));
      readable.push(file);
    } catch (error) {
      if (!(error instanceof MinutesFormatError)) throw error;
      refused.push(`${file} line ${error.line}: ${error.problem}`);
    }
  }
  return { parsed, readable, refused };
}

/** A page that names no body (an undated ModernGov page starts at its first item) is the partnership's it is imported into. */
function namedBody(document: ParsedDocument, partnership: Partnership): ParsedDocument {
  if (!document.meeting || document.meeting.body !== UNKNOWN_BODY) return document;
  return {
    ...document,
    meeting: { ...document.meeting, body: partnership.name },
    warnings: [
      ...document.warnings,
      `no body named on the page: taken as ${partnership.name}, the partnership imported into`,
    ],
  };
}

/** The partnership to import into: the one named, created when new, or the default. */
function targetPartnership(
  existing: Partnership | undefined,
  args: Arguments,
  documents: readonly ParsedDocument[],
  now: Date,
): { partnership: Partnership; created: boolean } | undefined {
  if (existing) return { partnership: existing, created: false };
  if (!args.partnershipId) return undefined;
  const named = args.name ? readPartnershipName(args.name) : undefined;
  const body = documents.map((d) => d.meeting?.body).find((b): b is string => Boolean(b && b.trim()));
  const name =
    typeof named === 'object'
      ? named
      : { name: body ?? args.partnershipId, shortName: body ? args.partnershipId.toUpperCase() : args.partnershipId };
  return {
    partnership: newPartnership(args.partnershipId, name, now.toISOString(), { id: 'import', name: 'npm run import' }),
    created: true,
  };
}

export async function runImport(args: readonly string[], io: CliIo): Promise<number> {
  const parsedArgs = readArguments(args);
  if (typeof parsedArgs === 'string') {
    io.err(parsedArgs);
    return 2;
  }
  const { parsed: documents, readable, refused } = await parseAll(parsedArgs.files);
  for (const problem of refused) io.err(`not imported, nothing of it written: ${problem}`);
  if (documents.length === 0) {
    io.err('import stopped, nothing written: no file could be read as minutes');
    return 1;
  }
  const exitCode = refused.length > 0 ? 1 : 0;
  const config = loadConfig(io.env);
  const handed = parsedArgs.dryRun
    ? null
    : await importThroughRunningBot(config.dataFile, readable, parsedArgs.partnershipId);
  if (handed) {
    handed.lines.forEach((line) => (handed.code === 0 ? io.out : io.err)(line));
    return Math.max(handed.code, exitCode);
  }
  const store = await openStore({ file: config.dataFile, defaults: loadDefaultStore, readOnly: parsedArgs.dryRun });
  // Closed on every way out, a dry run's too: the store holds its files open.
  try {
    const target = targetPartnership(
      store.partnership(parsedArgs.partnershipId ?? config.defaultPartnershipId),
      parsedArgs,
      documents,
      new Date(),
    );
    if (!target) {
      io.err(`no partnership "${config.defaultPartnershipId}" in ${config.dataFile}`);
      return 1;
    }
    const { partnership, created } = target;
    if (created) io.out(`new partnership ${partnership.name} (${partnership.shortName}), id ${partnership.id}`);
    let records: MinutesRecords = { meetings: partnership.meetings, people: partnership.people };
    let changed = false;
    for (const parsed of documents) {
      const document = namedBody(parsed, partnership);
      const { records: next, report } = mergeParsedDocument(records, document);
      records = next;
      changed ||= report.added.length > 0 || report.merged.length > 0;
      describeImportReport(report, document.layout).forEach((line) => io.out(line));
    }
    const draftActions = proposeDraftActions(records.meetings, records.people, partnership.draftActions);
    const newDrafts = draftActions.length - partnership.draftActions.length;
    if (newDrafts > 0) io.out(`${newDrafts} draft actions proposed for the secretariat to confirm`);
    if (parsedArgs.dryRun) {
      io.out(`dry run: nothing written to ${config.dataFile}`);
      return exitCode;
    }
    if (!changed && newDrafts === 0 && !created) {
      io.out(`nothing new: ${config.dataFile} unchanged`);
      return exitCode;
    }
    await store.update((data) => {
      const target = data.partnerships[partnership.id] ?? (data.partnerships[partnership.id] = partnership);
      target.meetings = records.meetings;
      target.people = records.people;
      target.draftActions = draftActions;
    });
    io.out(`saved to ${config.dataFile}`);
    return exitCode;
  } finally {
    await store.close();
  }
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  runImport(process.argv.slice(2), { env: process.env, out: console.log, err: console.error })
    .then((code) => process.exit(code))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
