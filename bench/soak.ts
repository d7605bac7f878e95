/**
 * The soak run: the real app on a free port and a Bot Connector stand-in, and N conversations in a
 * closed loop for a while, each turn one of a mix a partnership's day has: questions (the sample
 * questions), actions logged, "my actions", and answers on the circulated agenda card (Universal
 * Actions). Reports throughput, p50/p99 latency, errors (any HTTP status of 400 or more, or a
 * failed request) and the heap after each interval, to show that memory levels off.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { sharedFolder } from '../scripts/shared-folder.js';
import { startApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { startConnectorStandIn } from '../test/helpers/connector-stand-in.js';
import { postActivity } from '../test/helpers/http.js';
import {
  channelMessage,
  invokeAction,
  personalMessage,
  type InboundActivity,
} from '../test/helpers/teams-activities.js';
import { makeTempFolder } from '../test/helpers/temp-folder.js';
import { summarise } from './stats.js';

const ADMIN = { userId: '29:1admin-ada', userName: 'Ada Admin', aadObjectId: '0f1e2d3c-4b5a-4697-8877-665544332211' };
const CHANNEL = { channelId: '19:soakMeetings0000000000000001@thread.tacv2', channelName: 'Meetings' };

export interface SoakOptions {
  conversations: number;
  seconds: number;
  /** Run this many turns per conversation instead of for `seconds` (the tests: a fixed amount of work, not a rate). */
  turnsPerConversation?: number;
  /** How often the heap is sampled. */
  sampleSeconds?: number;
}

export interface SoakResult {
  conversations: number;
  seconds: number;
  turns: number;
  turnsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  errorSamples: string[];
  /** Heap used (MB) at the end of each interval, after a collection where the runtime allows one. */
  heapMb: number[];
  /** Heap growth over the first and the second half of the run (MB). */
  growthFirstHalfMb: number;
  growthSecondHalfMb: number;
  /** Actions the conversations asked to log, and how many the journal holds at the end. */
  actionsSent: number;
  actionsLogged: number;
}

const questions = (
  JSON.parse(readFileSync(sharedFolder('eval', 'dev-questions.json'), 'utf8')) as { ask: string }[]
).map((q) => q.ask);

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return Math.round((process.memoryUsage().heapUsed / 1024 / 1024) * 10) / 10;
}

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const folder = makeTempFolder();
  const connector = await startConnectorStandIn({ record: false });
  const config = loadConfig({
    PORT: '0',
    DATA_FILE: path.join(folder.path, 'store.json'),
    LOG_LEVEL: 'silent',
    DIGEST_DAY: 'off',
    BOT_ADMINS: ADMIN.aadObjectId,
    BACKUP_DAYS: '0',
  });
  const app = await startApp(config, pino({ level: 'silent' }), { host: '127.0.0.1', reminderIntervalMs: 3_600_000 });
  const url = `${app.url}/api/messages`;
  const send = (activity: InboundActivity) => postActivity(url, { ...activity, serviceUrl: connector.url });
  const member = (c: number) => ({
    userId: `29:1soak-${c}`,
    userName: `Member ${c}`,
    aadObjectId: `00000000-0000-4000-8000-${String(c).padStart(12, '0')}`,
    conversationId: `a:1soak-${c}`,
  });
  await send(channelMessage('link this channel to Kent CSP', { ...ADMIN, ...CHANNEL }));
  await send(personalMessage('agenda 14 March 2027 10:00 online', ADMIN));
  await send(personalMessage('item B1 Community Safety Agreement refresh', ADMIN));
  await send(personalMessage('circulate', ADMIN));
  // Writing in the linked channel makes each of them a member (actions are for members only).
  for (let c = 0; c < options.conversations; c++) await send(channelMessage('hello', { ...member(c), ...CHANNEL }));
  const agendaId = app.store.partnership()?.agendas[0]?.id ?? '';

  const turn = (c: number, i: number): InboundActivity => {
    const kind = i % 20;
    if (kind < 12) return personalMessage(questions[(c * 7 + i) % questions.length] ?? 'hello', member(c));
    if (kind < 15)
      return personalMessage(`action: Shafick Peerbux to send soak return ${c}-${i} by 30 April`, member(c));
    if (kind < 16) return personalMessage('my actions', member(c));
    return invokeAction(
      i % 2 ? 'agenda.attending' : 'agenda.apologies',
      { agendaId },
      { ...member(c), kind: 'channel', ...CHANNEL },
    );
  };

  const samples: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let actionsSent = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const heap: number[] = [heapMb()];
  const sampler = setInterval(() => heap.push(heapMb()), (options.sampleSeconds ?? 5) * 1000);
  const conversation = async (c: number): Promise<void> => {
    for (
      let i = 0;
      options.turnsPerConversation === undefined ? performance.now() < deadline : i < options.turnsPerConversation;
      i++
    ) {
      const begun = performance.now();
      try {
        const activity = turn(c, i);
        if (activity.text?.startsWith('action:')) actionsSent++;
        const result = await send(activity);
        if (result.status >= 400) {
          errors++;
          if (errorSamples.length < 10)
            errorSamples.push(`HTTP ${result.status}: ${JSON.stringify(result.body)?.slice(0, 200)}`);
        }
      } catch (error) {
        errors++;
        if (errorSamples.length < 10) errorSamples.push(error instanceof Error ? error.message : String(error));
      }
      samples.push(performance.now() - begun);
    }
  };
  await Promise.all(Array.from({ length: options.conversations }, (_, c) => conversation(c)));
  clearInterval(sampler);
  heap.push(heapMb());
  const elapsed = (performance.now() - started) / 1000;
  await app.close();
  await connector.close();
  const journal = readFileSync(path.join(folder.path, 'store.json.actions'), 'utf8');
  const actionsLogged = new Set([...journal.matchAll(/"description":"(send soak return [^"]*)"/g)].map((m) => m[1]))
    .size;
  folder.remove();
  const latency = summarise(samples);
  const middle = heap[Math.floor(heap.length / 2)] ?? 0;
  return {
    conversations: options.conversations,
    seconds: Math.round(elapsed * 10) / 10,
    turns: samples.length,
    turnsPerSecond: Math.round(samples.length / elapsed),
    p50Ms: latency.p50Ms,
    p99Ms: latency.p99Ms,
    errors,
    errorSamples,
    heapMb: heap,
    growthFirstHalfMb: Math.round((middle - (heap[0] ?? 0)) * 10) / 10,
    growthSecondHalfMb: Math.round(((heap.at(-1) ?? 0) - middle) * 10) / 10,
    actionsSent,
    actionsLogged,
  };
}
