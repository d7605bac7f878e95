/**
 * The framework's own floor for the benchmark: a bare botbuilder echo bot on the same stack as the
 * real bot (CloudAdapter in local mode, restify with bodyParser, POST /api/messages) but with no
 * application logic. Measuring it under the same load shows how much of the real bot's latency is
 * botbuilder and HTTP rather than our code. It also serves the connector stand-in's own test, since
 * it is botbuilder itself speaking to the stand-in. Local mode (no MicrosoftAppId) means inbound
 * requests without an Authorization header are accepted and outbound replies carry no token.
 */
import restify from 'restify';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { AddressInfo } from 'node:net';

export interface EchoBot {
  /** Full messaging endpoint, e.g. http://127.0.0.1:PORT/api/messages */
  url: string;
  adapter: CloudAdapter;
  close(): Promise<void>;
}

export interface EchoBotOptions {
  port?: number;
  /** Errors are logged by default; benchmarks that inject faults silence them. */
  logErrors?: boolean;
}

export async function startEchoBot(options: EchoBotOptions = {}): Promise<EchoBot> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const logErrors = options.logErrors ?? true;
  // Without onTurnError the adapter rethrows and answers 500 with the error text, which is what we want
  // to observe; the handler only adds logging and then rethrows to keep that behaviour.
  adapter.onTurnError = async (_context: TurnContext, error: Error): Promise<void> => {
    if (logErrors) console.error('[echo-bot] turn error:', error.message);
    throw error;
  };

  // restify logs to bunyan by default; the bench wants a quiet server.
  const server = restify.createServer({ name: 'echo-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, async (context) => {
      // Only messages carry text to echo; other activity types (invoke, conversationUpdate) get the
      // framework's default handling so their responses can be observed unaltered.
      if (context.activity.type === 'message') {
        await context.sendActivity(context.activity.text ?? '');
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/api/messages`,
    adapter,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.server.closeIdleConnections();
      }),
  };
}
