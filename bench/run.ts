/**
 * `npm run bench`: how fast the bot answers, measured against its own floor in the same process.
 *  1. The answer engine alone over the sample questions: p50/p99 time per answer.
 *  1b. The slowest reader of chat text on adversarial input of 1k and 28k characters.
 *  2. Logging an action durably, with 10,000 and 100,000 actions already held.
 *  3. The real HTTP server at 32 concurrent conversations beside a bare botbuilder echo bot,
 *     both replying to the same Bot Connector stand-in: turns per second and p50/p99 latency.
 *  4. The soak: 64 conversations for SOAK_SECONDS (default 60) of mixed questions, actions and
 *     agenda card answers: throughput, p50/p99, errors (must be 0), the heap over time.
 *  0. The store at scale (bench/store-scale.ts): stores of 1 x 5, 1 x 500, 14 x 50 and 14 x 500
 *     meetings generated from the default data set; durable change p50/p99 and the longest stall,
 *     first answer after start, start to healthy, heap; the background snapshot at 14 x 500.
 *  5. The kill test in long form: KILL_WRITES (default 5,000) writes, KILL_COUNT (default 20)
 *     SIGKILLs and restarts; every confirmed write must survive.
 *  6. Minutes files: import time per page for PDF, Word, web page and text, over the development
 *     pages (`BENCH_ONLY=minutes-files` runs this part alone).
 * After a discarded warm-up of each, runs alternate (echo, bot, echo, bot...) so that machine
 * noise falls on both alike, and medians are compared. BENCH_SECONDS sets each run's length
 * (default 6), BENCH_ROUNDS the number of measured rounds (default 5).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { sharedFolder } from '../scripts/shared-folder.js';
import { startApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { answerQuestion } from '../src/core/answers/answer-question.js';
import { KnowledgeBase } from '../src/core/answers/knowledge-base.js';
import { loadDefaultStore } from '../src/store/default-store.js';
import { startConnectorStandIn } from '../test/helpers/connector-stand-in.js';
import { makeTempFolder } from '../test/helpers/temp-folder.js';
import { benchActionLogging } from './action-logging.js';
import { benchMinutesFiles, type FormatTiming } from './minutes-files.js';
import { benchAdversarialInput } from './adversarial-input.js';
import { startEchoBot } from './echo-bot.js';
import { runHttpLoad, type HttpLoadResult } from './http-load.js';
import { benchOtherPartnerships } from './other-partnerships.js';
import { runKillTest } from './kill-restart.js';
import { runSoak } from './soak.js';
import { runStoreScale } from './store-scale.js';
import { roundMs, summarise } from './stats.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONVERSATIONS = 32;
const questions = (
  JSON.parse(readFileSync(sharedFolder('eval', 'dev-questions.json'), 'utf8')) as { ask: string }[]
).map((q) => q.ask);

function benchAnswerEngine(): { p50Ms: number; p99Ms: number; answers: number; buildMs: number } {
  const partnership = loadDefaultStore().partnerships['kent-csp']!;
  const buildStart = performance.now();
  const kb = new KnowledgeBase(partnership);
  const buildMs = performance.now() - buildStart;
  const today = new Date();
  for (let i = 0; i < 20; i++) for (const q of questions) answerQuestion(kb, q, today);
  const samples: number[] = [];
  for (let round = 0; round < 200; round++) {
    for (const q of questions) {
      const start = performance.now();
      answerQuestion(kb, q, today);
      samples.push(performance.now() - start);
    }
  }
  const summary = summarise(samples);
  return { p50Ms: summary.p50Ms, p99Ms: summary.p99Ms, answers: samples.length, buildMs };
}

async function benchHttp(): Promise<{ echo: HttpLoadResult[]; bot: HttpLoadResult[] }> {
  const connector = await startConnectorStandIn({ record: false });
  const echo = await startEchoBot();
  const folder = makeTempFolder('csp-bench-');
  const config = loadConfig({ PORT: '0', DATA_FILE: path.join(folder.path, 'store.json'), LOG_LEVEL: 'silent' });
  const app = await startApp(config, pino({ level: 'silent' }), { host: '127.0.0.1' });
  const load = (botUrl: string, seconds = SECONDS): Promise<HttpLoadResult> =>
    runHttpLoad({
      botUrl,
      serviceUrl: connector.url,
      conversations: CONVERSATIONS,
      durationMs: seconds * 1000,
      makeText: (i) => questions[i % questions.length] ?? 'help',
    });
  const results = { echo: [] as HttpLoadResult[], bot: [] as HttpLoadResult[] };
  try {
    await load(echo.url, 2);
    await load(`${app.url}/api/messages`, 2);
    for (let round = 0; round < ROUNDS; round++) {
      results.echo.push(await load(echo.url));
      results.bot.push(await load(`${app.url}/api/messages`));
    }
  } finally {
    await app.close();
    await echo.close();
    await connector.close();
    folder.remove();
  }
  return results;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function describe(label: string, runs: HttpLoadResult[]): string {
  const r = runs
    .map(
      (x) =>
        `${x.turnsPerSecond.toFixed(0)}/s p50 ${roundMs(x.p50Ms)} ms p99 ${roundMs(x.p99Ms)} ms errors ${x.errors}`,
    )
    .join(' | ');
  return `  ${label.padEnd(10)} ${r}`;
}

function describeMinutesFiles(timings: readonly FormatTiming[]): string[] {
  return timings.map(
    (t) =>
      `  ${t.format}: p50 ${roundMs(t.p50Ms)} ms, mean ${roundMs(t.meanMs)} ms, max ${roundMs(t.maxMs)} ms per page (${t.imported} of ${t.pages} pages imported, ${t.refused} refused as not minutes)`,
  );
}

async function benchMinutesFilesPart(): Promise<FormatTiming[]> {
  console.log('Minutes files: read, parse and plan one development page (shared/eval/other-csp-dev), per format');
  const timings = await benchMinutesFiles();
  describeMinutesFiles(timings).forEach((line) => console.log(line));
  return timings;
}

async function main(): Promise<void> {
  if (process.env.BENCH_ONLY === 'minutes-files') {
    await benchMinutesFilesPart();
    return;
  }
  // BENCH_ONLY=store runs only the store at scale (issue 17's table).
  const storeScale = await runStoreScale();
  if (process.env.BENCH_ONLY === 'store') {
    const folder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'results');
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      path.join(folder, 'store-scale.json'),
      `${JSON.stringify({ date: new Date().toISOString(), ...storeScale }, null, 2)}\n`,
    );
    return;
  }
  console.log(`Answer engine over ${questions.length} sample questions`);
  const engine = benchAnswerEngine();
  console.log(
    `  ${engine.answers} answers: p50 ${roundMs(engine.p50Ms)} ms, p99 ${roundMs(engine.p99Ms)} ms (target p99 < 2 ms); index build ${roundMs(engine.buildMs)} ms`,
  );

  const others = benchOtherPartnerships();
  const importMedian = [...others.importMs].sort((a, b) => a - b)[Math.floor(others.importMs.length / 2)] ?? Number.NaN;
  console.log(
    `Other partnerships (shared/eval/other-csp-dev): importing all ${others.pages} pages ${roundMs(importMedian)} ms (median of ${others.importMs.length}; target < 2 s)`,
  );
  console.log(
    `  ${others.answers} answers to their questions: p50 ${roundMs(others.p50Ms)} ms, p99 ${roundMs(others.p99Ms)} ms`,
  );
  if (process.env.BENCH_ENGINE_ONLY) return;

  console.log('Slowest reader of chat text on adversarial input (every command opening x repeated runs)');
  benchAdversarialInput(1_000); // warm-up, discarded
  for (const size of [1_000, 28_000]) {
    const slowest = benchAdversarialInput(size);
    console.log(
      `  ${size.toLocaleString('en-GB')} characters: slowest ${roundMs(slowest.slowestMs)} ms (${slowest.reader}, ${slowest.input}...)`,
    );
  }
  console.log('Logging an action (durable: fsync before it is confirmed)');
  const actionLogging: Record<string, unknown> = {};
  for (const existing of [10_000, 100_000]) {
    const r = await benchActionLogging(existing);
    actionLogging[existing] = r;
    console.log(
      `  with ${existing.toLocaleString('en-GB')} held: p50 ${roundMs(r.p50Ms)} ms, p99 ${roundMs(r.p99Ms)} ms (target p99 < 20 ms at 100,000); replay on open ${roundMs(r.replayMs)} ms`,
    );
  }

  console.log(`HTTP /api/messages, ${CONVERSATIONS} concurrent conversations, ${SECONDS} s per run`);
  const http = await benchHttp();
  console.log(describe('echo bot', http.echo));
  console.log(describe('this bot', http.bot));
  const ratio = median(http.bot.map((r) => r.turnsPerSecond)) / median(http.echo.map((r) => r.turnsPerSecond));
  console.log(`  median throughput: ${(ratio * 100).toFixed(0)}% of the echo bot's (target >= 80%)`);

  const soakSeconds = Number(process.env.SOAK_SECONDS ?? 60);
  console.log(`Soak: 64 conversations for ${soakSeconds} s, mixed questions, actions and agenda card answers`);
  const soak = await runSoak({ conversations: 64, seconds: soakSeconds, sampleSeconds: Math.max(2, soakSeconds / 12) });
  console.log(
    `  ${soak.turns} turns, ${soak.turnsPerSecond}/s, p50 ${roundMs(soak.p50Ms)} ms, p99 ${roundMs(soak.p99Ms)} ms, errors ${soak.errors} (must be 0)`,
  );
  console.log(
    `  heap (MB, after GC): ${soak.heapMb.join(' -> ')}; growth first half ${soak.growthFirstHalfMb} MB, second half ${soak.growthSecondHalfMb} MB`,
  );

  const kill = await runKillTest({
    writes: Number(process.env.KILL_WRITES ?? 5_000),
    conversations: 16,
    kills: Number(process.env.KILL_COUNT ?? 20),
  });
  console.log(
    `Kill test: ${kill.attempted} writes, ${kill.confirmed} confirmed, ${kill.kills} SIGKILLs, ${kill.lost.length} confirmed writes lost (must be 0), store loaded: ${kill.storeLoaded}, ${kill.seconds} s`,
  );

  const minutesFiles = await benchMinutesFilesPart();

  const results = {
    date: new Date().toISOString(),
    storeScale,
    engine,
    others,
    actionLogging,
    http,
    throughputRatio: ratio,
    soak,
    kill,
    minutesFiles,
  };
  const folder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'results');
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  if (soak.errors > 0 || kill.lost.length > 0 || !kill.storeLoaded) {
    console.error(
      `soak errors: ${soak.errorSamples.slice(0, 3).join('; ')}; lost: ${kill.lost.slice(0, 5).join(', ')}`,
    );
    process.exitCode = 1;
  }
  const errors = [...http.echo, ...http.bot].reduce((n, r) => n + r.errors, 0);
  if (errors > 0) {
    console.error(
      `${errors} requests failed: ${[...http.echo, ...http.bot]
        .flatMap((r) => r.errorSamples)
        .slice(0, 3)
        .join('; ')}`,
    );
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
