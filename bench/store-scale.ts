/**
 * The store at scale (issue 17): stores generated from the default data set (1 partnership with
 * its 5 meetings, 1 x 500, 14 x 50 and 14 x 500 meetings), each served over HTTP by the built
 * program run as its own process, as `npm start` runs it. For each: from the process's start to
 * healthy and to the first answer, the first answer to each sample question after start
 * (uncached, while the other partnerships' knowledge bases are built), that background build (its
 * length and longest stall), a durable change (an admin adds and removes aliases, each confirmed
 * only once on disk) p50/p99 and the longest event-loop stall while changes run, a question right
 * after a change, and the heap. Then, at the largest size, the background snapshot of the whole
 * store: how long it takes and the longest stall it causes; and the store alone, without HTTP.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { sharedFolder } from '../scripts/shared-folder.js';
import { appendChange } from '../src/core/records/change-log.js';
import { meetingsFolder } from '../src/store/meetings-files.js';
import { changeJournalFile, openStore, replaceStoreFile } from '../src/store/store.js';
import { startConnectorStandIn } from '../test/helpers/connector-stand-in.js';
import { postActivity } from '../test/helpers/http.js';
import { personalMessage } from '../test/helpers/teams-activities.js';
import { makeTempFolder } from '../test/helpers/temp-folder.js';
import { generateStore } from './generate-store.js';
import { benchImportAtScale, type ImportAtScale } from './import-at-scale.js';
import { benchEchoFloor } from './echo-floor.js';
import { botEnvironment, BotProcess, freePort } from './kill-restart.js';
import { roundMs, summarise } from './stats.js';

const ADMIN = { aadObjectId: '0f1e2d3c-4b5a-4697-8877-665544332211', userId: '29:admin', userName: 'Ada Admin' };
const questions = (
  JSON.parse(readFileSync(sharedFolder('eval', 'dev-questions.json'), 'utf8')) as { ask: string }[]
).map((q) => q.ask);

export interface StoreScaleRow {
  label: string;
  partnerships: number;
  meetings: number;
  sizeMb: number;
  changeP50Ms: number;
  changeP99Ms: number;
  /** A turn that changes nothing (a cached answer), as many times: the floor under a change. */
  readP50Ms: number;
  readP99Ms: number;
  changeStallMaxMs: number;
  firstAnswerP99Ms: number;
  /** From spawning the process to its /healthz answering. */
  startToHealthyMs: number;
  /** From spawning the process to the first answer (asked as soon as healthy). */
  startToFirstAnswerMs: number;
  /** Building every partnership's knowledge base in the background after start: how long, and the longest stall. */
  warmSeconds: number;
  warmStallMaxMs: number;
  /** A question asked right after a change to the partnership it asks about (answer not cached): the slowest of several. */
  answerAfterChangeMaxMs: number;
  /** The bot's heap after a full collection at the end, all of it (code, store, knowledge bases, caches). */
  heapMb: number;
}

const PROBE = ['--expose-gc', '--import', pathToFileURL(path.join(import.meta.dirname, 'bot-probe.mjs')).href];

interface Health {
  knowledgeBasesBuilding?: number;
}
interface ProbeReading {
  stallMaxMs: number;
  heapMb: number;
}

/**
 * One size: the built program (`node dist/start.mjs`, as `npm start` runs it) as its own
 * process, so that the figures are the bot's alone, not this process's (its HTTP client, the
 * connector stand-in, their garbage). Its stalls and heap come from a probe preloaded into it.
 */
export async function benchStoreSize(
  partnerships: number,
  meetings: number,
  changes: number,
  compileCache: string,
): Promise<StoreScaleRow> {
  const folder = makeTempFolder('csp-store-bench-');
  const dataFile = path.join(folder.path, 'store.json');
  await writeGeneratedStore(dataFile, partnerships, meetings);
  const sizeMb = storeSizeMb(dataFile);
  const connector = await startConnectorStandIn({ record: false });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const bot = new BotProcess(
    { ...botEnvironment(port, dataFile, ADMIN.aadObjectId), LOG_LEVEL: 'silent', NODE_COMPILE_CACHE: compileCache },
    base,
    folder.path,
    {
      built: true,
      nodeOptions: PROBE,
      ipc: true,
    },
  );
  const url = `${base}/api/messages`;
  const send = (text: string, who: typeof ADMIN, conversationId: string) =>
    postActivity(url, { ...personalMessage(text, { ...who, conversationId }), serviceUrl: connector.url });
  const health = async (): Promise<Health> => (await fetch(`${base}/healthz`)).json() as Promise<Health>;
  settle();
  const started = performance.now();
  try {
    await bot.start([], 5);
    const startToHealthyMs = performance.now() - started;
    const reader = (i: number) => ({
      aadObjectId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      userId: `29:reader-${i}`,
      userName: `Reader ${i}`,
    });
    const firstAnswers: number[] = [];
    let startToFirstAnswerMs = 0;
    // Asked while the other partnerships' knowledge bases are built in the background.
    for (const [i, question] of questions.entries()) {
      const t = performance.now();
      await send(question, reader(i), `a:reader-${i}`);
      firstAnswers.push(performance.now() - t);
      if (i === 0) startToFirstAnswerMs = performance.now() - started;
    }
    await bot.ask('reset');
    const warmStart = performance.now();
    while (((await health()).knowledgeBasesBuilding ?? 0) > 0) await new Promise((r) => setTimeout(r, 20));
    const warmSeconds = (performance.now() - warmStart) / 1000;
    const warm = await bot.ask<ProbeReading>('read');
    // The admin's conversation is remembered by a first change, outside the timing.
    await send('alias warm-up = road safety', ADMIN, 'a:admin');
    // The same number of turns that change nothing (a question answered from the cache): the floor
    // under a change on this machine, HTTP and the reply included.
    const reads: number[] = [];
    for (let i = 0; i < changes; i++) {
      const t = performance.now();
      await send('what are the current priorities?', ADMIN, 'a:admin');
      reads.push(performance.now() - t);
    }
    await bot.ask('reset');
    const samples: number[] = [];
    for (let i = 0; i < changes; i++) {
      const text = i % 2 === 0 ? `alias bench ${i} = road safety` : `remove alias bench ${i - 1}`;
      const t = performance.now();
      const result = await send(text, ADMIN, 'a:admin');
      samples.push(performance.now() - t);
      if (result.status >= 400) throw new Error(`change ${i} failed with ${result.status}`);
    }
    const during = await bot.ask<ProbeReading>('read');
    // A question right after each change, about what changed: answered from a knowledge base kept up to date by the change.
    const afterChange: number[] = [];
    for (let i = 0; i < 5; i++) {
      await send(`alias crossing ${i} = road safety`, ADMIN, 'a:admin');
      const t = performance.now();
      await send(`who leads crossing ${i}?`, reader(0), 'a:reader-0');
      afterChange.push(performance.now() - t);
    }
    const end = await bot.ask<ProbeReading>('read');
    const summary = summarise(samples);
    const read = summarise(reads);
    return {
      label: partnerships === 1 && meetings <= 5 ? 'Kent today' : `${partnerships} x ${meetings}`,
      partnerships,
      meetings,
      sizeMb,
      changeP50Ms: summary.p50Ms,
      changeP99Ms: summary.p99Ms,
      readP50Ms: read.p50Ms,
      readP99Ms: read.p99Ms,
      changeStallMaxMs: during.stallMaxMs,
      firstAnswerP99Ms: summarise(firstAnswers).p99Ms,
      startToHealthyMs,
      startToFirstAnswerMs,
      warmSeconds: Math.round(warmSeconds * 10) / 10,
      warmStallMaxMs: warm.stallMaxMs,
      answerAfterChangeMaxMs: Math.max(...afterChange),
      heapMb: Math.round(end.heapMb * 10) / 10,
    };
  } finally {
    await bot.stop();
    await connector.close();
    folder.remove();
  }
}

/**
 * Snapshots written in the background: the first of a store file with its meetings inline (every
 * meetings file written), then one after a change to records only (the store file alone); how
 * long each takes and the longest stall each causes.
 */
export async function benchSnapshot(
  partnerships: number,
  meetings: number,
): Promise<{ sizeMb: number; whole: SnapshotRun; records: SnapshotRun }> {
  const folder = makeTempFolder('csp-store-bench-');
  const dataFile = path.join(folder.path, 'store.json');
  writeFileSync(dataFile, `${JSON.stringify(generateStore(partnerships, meetings), null, 2)}\n`);
  try {
    const whole = await snapshotRun(dataFile, 'snapshot bench');
    const records = await snapshotRun(dataFile, 'snapshot bench again');
    return { sizeMb: storeSizeMb(dataFile), whole, records };
  } finally {
    folder.remove();
  }
}

interface SnapshotRun {
  seconds: number;
  stallMaxMs: number;
}

async function snapshotRun(dataFile: string, alias: string): Promise<SnapshotRun> {
  const store = await openStore({ file: dataFile, defaults: () => generateStore(1, 5), snapshotBytes: 1 });
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const started = performance.now();
  // The change crosses the (tiny) threshold; close() waits for the snapshot it starts.
  await store.update((d) => void (d.partnerships[d.defaultPartnershipId]!.aliases[alias] = 'road-safety'));
  await store.close();
  const seconds = (performance.now() - started) / 1000;
  delay.disable();
  return { seconds: Math.round(seconds * 100) / 100, stallMaxMs: delay.max / 1e6 };
}

/** A generated store, saved as the bot keeps it: the store file, and each partnership's meetings file. */
async function writeGeneratedStore(dataFile: string, partnerships: number, meetings: number): Promise<void> {
  await replaceStoreFile(dataFile, generateStore(partnerships, meetings));
}

/** The store file and its meetings files, in MB. */
function storeSizeMb(dataFile: string): number {
  const folder = meetingsFolder(dataFile);
  const bytes = [dataFile, ...readdirSync(folder).map((name) => path.join(folder, name))].reduce(
    (sum, file) => sum + statSync(file).size,
    0,
  );
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

/**
 * A change through the store alone (no HTTP, no bot): an alias and its change-log entry, durably,
 * appended as the bot appends them. `logEntries` fills the change log first (years of changes).
 */
export async function benchStoreAlone(
  partnerships: number,
  meetings: number,
  changes: number,
  logEntries = 0,
  /** What each change does: an alias set or removed, or one meeting found and its venue changed. */
  kind: 'alias' | 'meeting' = 'alias',
): Promise<{ p50Ms: number; p99Ms: number }> {
  const folder = makeTempFolder('csp-store-bench-');
  const dataFile = path.join(folder.path, 'store.json');
  const generated = generateStore(partnerships, meetings);
  const logged = (i: number) => ({
    at: new Date(Date.UTC(2016, 0, 1) + i * 3_600_000).toISOString(),
    by: { id: 'u', name: 'Ada Admin' },
    subject: `alias:bench ${i}`,
    summary: 'bench',
  });
  const log = generated.partnerships[generated.defaultPartnershipId]!;
  log.changes = Array.from({ length: logEntries }, (_, i) => ({ id: i + 1, ...logged(i) }));
  await replaceStoreFile(dataFile, generated);
  const store = await openStore({ file: dataFile, defaults: () => generateStore(1, 5) });
  const samples: number[] = [];
  try {
    for (let i = 0; i < changes; i++) {
      const t = performance.now();
      await store.update((d) => {
        const kent = d.partnerships[d.defaultPartnershipId]!;
        if (kind === 'meeting') {
          // A meeting far down the list, as confirming attendance or correcting a record finds it.
          const meeting = kent.meetings.find((m, n) => n === kent.meetings.length - 1 - (i % 7));
          if (meeting) meeting.venue = `Room ${i}`;
        } else if (i % 2 === 0) kent.aliases[`bench ${i}`] = 'road-safety';
        else delete kent.aliases[`bench ${i - 1}`];
        appendChange(kent, logged(logEntries + i));
      });
      samples.push(performance.now() - t);
    }
  } finally {
    await store.close();
    folder.remove();
  }
  const summary = summarise(samples);
  return { p50Ms: summary.p50Ms, p99Ms: summary.p99Ms };
}

/**
 * Opening a store whose journal holds `lines` changes since its snapshot (a snapshot is written
 * once the journal reaches 8 MB): aliases and members' records changed over and over, replayed.
 */
export async function benchReplay(lines: number, members: number): Promise<{ openMs: number; journalMb: number }> {
  const folder = makeTempFolder('csp-store-bench-');
  const dataFile = path.join(folder.path, 'store.json');
  const data = generateStore(1, 5);
  data.memberships = Object.fromEntries(
    Array.from({ length: members }, (_, i) => [`29:member-${i}`, { seenIn: [data.defaultPartnershipId] }]),
  );
  await replaceStoreFile(dataFile, data);
  const kent = data.defaultPartnershipId;
  const journal = Array.from({ length: lines }, (_, i) => {
    const ops =
      i % 2 === 0
        ? [{ p: ['partnerships', kent, 'aliases', `alias ${i % 500}`], v: 'road-safety' }]
        : [{ p: ['memberships', `29:member-${i % members}`, 'chosen'], v: kent }];
    return `${JSON.stringify({ seq: i + 1, ops })}\n`;
  }).join('');
  writeFileSync(changeJournalFile(dataFile), journal);
  try {
    const started = performance.now();
    const store = await openStore({ file: dataFile, defaults: () => generateStore(1, 5) });
    const openMs = performance.now() - started;
    await store.close();
    return { openMs, journalMb: Math.round((Buffer.byteLength(journal) / 1024 / 1024) * 10) / 10 };
  } finally {
    folder.remove();
  }
}

/** The floor under any durable change on this machine: appending a line and fsyncing it. */
export async function benchFsyncFloor(changes: number): Promise<{ p50Ms: number; p99Ms: number }> {
  const folder = makeTempFolder('csp-store-bench-');
  const handle = await open(path.join(folder.path, 'floor'), 'a');
  const samples: number[] = [];
  try {
    for (let i = 0; i < changes; i++) {
      const t = performance.now();
      await handle.write(
        `${JSON.stringify({ seq: i, ops: [{ p: ['partnerships', 'kent-csp', 'aliases', `bench ${i}`], v: 'road-safety' }] })}\n`,
      );
      await handle.datasync();
      samples.push(performance.now() - t);
    }
  } finally {
    await handle.close();
    folder.remove();
  }
  const summary = summarise(samples);
  return { p50Ms: summary.p50Ms, p99Ms: summary.p99Ms };
}

/** The issue's figures before this design, for the table. */
export const BEFORE: Record<string, string> = {
  'Kent today': '13 / 60 ms, first answer 0.5 s, start 5.1 s',
  '1 x 500': '111 / 415 ms, first answer 5.3 s, start 6.8 s',
  '14 x 50': '159 / 398 ms, first answer 0.9 s, start 5.5 s',
  '14 x 500': '2,300 / 7,000 ms, first answer 7.1 s, start 8.3 s',
};

/**
 * The design before this one (the whole store in one snapshot file), measured by this bench the
 * same way: the figures its README gave for 14 x 500.
 */
export const BEFORE_KB: Record<string, string> = {
  '14 x 500':
    '7.6 / 23.0 ms (stall 20 ms), first answer p99 63 ms, start to first answer 3.6-4.5 s, heap 773 MB, answer after a change 16 ms',
};

export function describeRow(row: StoreScaleRow): string {
  return (
    `  ${row.label.padEnd(10)} ${String(row.sizeMb).padStart(5)} MB  change p50 ${roundMs(row.changeP50Ms)} ms / p99 ${roundMs(row.changeP99Ms)} ms (longest stall ${roundMs(row.changeStallMaxMs)} ms; a turn changing nothing ${roundMs(row.readP50Ms)} / ${roundMs(row.readP99Ms)} ms)` +
    `  first answer p99 ${roundMs(row.firstAnswerP99Ms)} ms  start to healthy ${roundMs(row.startToHealthyMs)} ms  start to first answer ${roundMs(row.startToFirstAnswerMs)} ms` +
    `  background build ${row.warmSeconds} s (longest stall ${roundMs(row.warmStallMaxMs)} ms)  answer after a change ${roundMs(row.answerAfterChangeMaxMs)} ms max  heap ${row.heapMb} MB` +
    `   [before: ${BEFORE[row.label] ?? 'n/a'}${BEFORE_KB[row.label] ? `; the design before: ${BEFORE_KB[row.label]}` : ''}]`
  );
}

export async function runStoreScale(changes = Number(process.env.STORE_CHANGES ?? 200)) {
  console.log(
    `Store at scale: ${changes} durable changes (admin aliases over HTTP) per size; first answers to ${questions.length} sample questions after start`,
  );
  const floor = await benchFsyncFloor(changes);
  console.log(
    `  floor: append one line and fdatasync it: p50 ${roundMs(floor.p50Ms)} ms, p99 ${roundMs(floor.p99Ms)} ms`,
  );
  const echo = await benchEchoFloor(changes);
  console.log(
    `  floor: a bare botbuilder echo bot as its own process, ${changes} turns over HTTP: p50 ${roundMs(echo.p50Ms)} ms, p99 ${roundMs(echo.p99Ms)} ms`,
  );
  const alone: Record<string, { p50Ms: number; p99Ms: number }> = {};
  // The change log only grows: ten years of a busy partnership's changes is some 3,000 entries.
  for (const [partnerships, meetings, logEntries, kind] of [
    [1, 5, 0, 'alias'],
    [14, 500, 0, 'alias'],
    [14, 500, 0, 'meeting'],
    [1, 5, 3_000, 'alias'],
    [1, 5, 30_000, 'alias'],
  ] as const) {
    const r = await benchStoreAlone(partnerships, meetings, changes, logEntries, kind);
    const label = `${partnerships} x ${meetings}${kind === 'meeting' ? ', a meeting edited' : ''}${logEntries ? `, a change log of ${logEntries}` : ''}`;
    alone[label] = r;
    console.log(
      `  store alone (no HTTP), ${label}: a durable change p50 ${roundMs(r.p50Ms)} ms, p99 ${roundMs(r.p99Ms)} ms`,
    );
  }
  const imports: ImportAtScale[] = [];
  for (const meetings of [5, 500]) {
    const r = await benchImportAtScale(meetings);
    imports.push(r);
    console.log(
      `  importing one page of minutes into a partnership of ${meetings} meetings (${r.documents} development pages, each a stall): preview p50 ${roundMs(r.previewP50Ms)} ms (max ${roundMs(r.previewMaxMs)}), save p50 ${roundMs(r.saveP50Ms)} ms (max ${roundMs(r.saveMaxMs)}); before the first, the stored items read in ${roundMs(r.primeMs)} ms (longest slice ${roundMs(r.primeSliceMaxMs)} ms); the first, both, ${roundMs(r.firstMs)} ms`,
    );
  }
  const replayed = await benchReplay(50_000, 3_000);
  console.log(
    `  opening a store with 50,000 changes in its journal (${replayed.journalMb} MB; aliases and 3,000 members' records): ${roundMs(replayed.openMs)} ms`,
  );
  // Every size starts with Node's compile cache as a restart finds it; the first start after a
  // build, with none, is measured apart.
  const compileCache = makeTempFolder('csp-compile-cache-');
  const coldStart = await benchStart(compileCache.path);
  const warmStart = await benchStart(compileCache.path);
  console.log(
    `  start to healthy on the default store: ${roundMs(coldStart)} ms the first time after a build (no compile cache), ${roundMs(warmStart)} ms after`,
  );
  const rows: StoreScaleRow[] = [];
  for (const [partnerships, meetings] of [
    [1, 5],
    [1, 500],
    [14, 50],
    [14, 500],
  ] as const) {
    const row = await benchStoreSize(partnerships, meetings, changes, compileCache.path);
    rows.push(row);
    console.log(describeRow(row));
  }
  const snapshot = await benchSnapshot(14, 500);
  console.log(
    `  background snapshots of the 14 x 500 store (${snapshot.sizeMb} MB): the first, writing every meetings file, ${snapshot.whole.seconds} s (longest stall ${roundMs(snapshot.whole.stallMaxMs)} ms); after a change to records only, ${snapshot.records.seconds} s (longest stall ${roundMs(snapshot.records.stallMaxMs)} ms)`,
  );
  compileCache.remove();
  return { floor, echo, alone, imports, replayed, coldStartMs: coldStart, warmStartMs: warmStart, rows, snapshot };
}

/**
 * The benchmark's own garbage (a generated store of up to 58 MB) collected before a bot is
 * started, not by the collector's threads on the same two cores while the bot starts.
 */
function settle(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** From spawning the built program on a new default store to /healthz answering. */
async function benchStart(compileCache: string): Promise<number> {
  const folder = makeTempFolder('csp-store-bench-');
  const port = await freePort();
  const bot = new BotProcess(
    {
      ...botEnvironment(port, path.join(folder.path, 'store.json'), ADMIN.aadObjectId),
      LOG_LEVEL: 'silent',
      NODE_COMPILE_CACHE: compileCache,
    },
    `http://127.0.0.1:${port}`,
    folder.path,
    { built: true },
  );
  try {
    settle();
    const started = performance.now();
    await bot.start([], 5);
    return performance.now() - started;
  } finally {
    await bot.stop();
    folder.remove();
  }
}

if (process.argv[1]?.endsWith('store-scale.ts')) {
  runStoreScale().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
