/**
 * The framework's floor under a turn, measured as the store benchmark measures the bot: a bare
 * botbuilder echo bot (echo-bot.ts: CloudAdapter and restify as shipped, no application logic) as
 * its own process, sent the same sequential turns over HTTP, each answered through the connector
 * stand-in. What its p99 is, the bot's cannot be below: the collector's pauses that botbuilder's
 * and the HTTP server's garbage bring are in both.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startConnectorStandIn } from '../test/helpers/connector-stand-in.js';
import { postActivity } from '../test/helpers/http.js';
import { personalMessage } from '../test/helpers/teams-activities.js';
import { freePort } from './kill-restart.js';
import { summarise } from './stats.js';

if (process.argv[1]?.endsWith('echo-floor.ts') && process.argv[2] === 'serve') {
  const { startEchoBot } = await import('./echo-bot.js');
  await startEchoBot({ port: Number(process.argv[3]) });
}

export async function benchEchoFloor(turns: number): Promise<{ p50Ms: number; p99Ms: number }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'echo-floor.ts'), 'serve', String(port)],
    {
      stdio: 'ignore',
    },
  );
  const connector = await startConnectorStandIn({ record: false });
  const url = `http://127.0.0.1:${port}/api/messages`;
  const who = { aadObjectId: 'echo', userId: '29:echo', userName: 'Echo', conversationId: 'a:echo' };
  const send = (text: string) => postActivity(url, { ...personalMessage(text, who), serviceUrl: connector.url });
  try {
    for (let tries = 0; ; tries++) {
      const ready = await send('ready?').then(
        (r) => r.status < 400,
        () => false,
      );
      if (ready) break;
      if (tries > 600) throw new Error('the echo bot did not start');
      await new Promise((r) => setTimeout(r, 50));
    }
    // Warm-up: the same number of turns the bot's measure follows (its first answers and a change).
    for (let i = 0; i < 60; i++) await send(`warm-up ${i}`);
    const samples: number[] = [];
    for (let i = 0; i < turns; i++) {
      const t = performance.now();
      await send(`turn ${i}`);
      samples.push(performance.now() - t);
    }
    const summary = summarise(samples);
    return { p50Ms: summary.p50Ms, p99Ms: summary.p99Ms };
  } finally {
    child.kill();
    await connector.close();
  }
}
