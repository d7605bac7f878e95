/**
 * Starts the real application on a free port with a store in a temporary folder and a Bot
 * Connector stand-in for its replies, and sends Teams activities to it as Teams would.
 */
import path from 'node:path';
import { pino } from 'pino';
import { startApp, type AppOptions, type RunningApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { startConnectorStandIn, type ConnectorStandIn } from './connector-stand-in.js';
import { postActivity, type PostResult } from './http.js';
import { replyText } from './reply-text.js';
import type { InboundActivity } from './teams-activities.js';
import { makeTempFolder } from './temp-folder.js';

/** The date the tests answer as of: after every meeting in the default store. */
export const TEST_TODAY = new Date('2026-11-24T10:00:00Z');

export interface RunningBot {
  app: RunningApp;
  connector: ConnectorStandIn;
  messagesUrl: string;
  dataFile: string;
  /** Posts an activity; resolves with the HTTP result and every activity the bot sent for it. */
  send(activity: InboundActivity): Promise<{ result: PostResult; replies: Record<string, unknown>[]; text: string }>;
  /** Stops the server and starts a new one on the same store file, as after a restart. */
  restart(): Promise<void>;
  /** Moves the bot's clock (it starts at TEST_TODAY). */
  setNow(now: Date): void;
  stop(): Promise<void>;
}

export async function startRunningBot(
  env: Record<string, string> = {},
  appOptions: Omit<AppOptions, 'clock' | 'host'> = {},
): Promise<RunningBot> {
  const folder = makeTempFolder();
  const connector = await startConnectorStandIn();
  const dataFile = path.join(folder.path, 'store.json');
  // The weekly digest would post into every test's channels; the digest test turns it on.
  const config = loadConfig({ PORT: '0', DATA_FILE: dataFile, LOG_LEVEL: 'silent', DIGEST_DAY: 'off', ...env });
  let now = TEST_TODAY;
  const start = () =>
    startApp(config, pino({ level: 'silent' }), { clock: () => now, host: '127.0.0.1', ...appOptions });
  const running: RunningBot = {
    app: await start(),
    connector,
    messagesUrl: '',
    dataFile,
    async send(activity) {
      const before = connector.requests.length;
      const result = await postActivity(running.messagesUrl, { ...activity, serviceUrl: connector.url });
      const replies = connector.requests
        .slice(before)
        .filter((r) => r.operation === 'replyToActivity' || r.operation === 'sendToConversation')
        .map((r) => r.body as Record<string, unknown>);
      return { result, replies, text: replyText(replies) };
    },
    setNow(next) {
      now = next;
    },
    async restart() {
      await running.app.close();
      running.app = await start();
      running.messagesUrl = `${running.app.url}/api/messages`;
    },
    async stop() {
      await running.app.close();
      await connector.close();
      folder.remove();
    },
  };
  running.messagesUrl = `${running.app.url}/api/messages`;
  return running;
}
