/**
 * The HTTP server: restify with a bounded JSON body parser, the Bot Framework messages
 * endpoint and a health check. It knows nothing of bots or stores; it is handed the functions
 * to call.
 */
import restify, { type Request, type Response } from 'restify';
import type { Logger } from 'pino';
import { EXPORT_PATHS, type ExportKind } from '../core/actions/export-link.js';
import { PRIVACY_PAGE, TERMS_PAGE } from './legal-pages.js';
import { mountTab, type TabDependencies } from './tab-routes.js';

/** Bodies above this are refused with 413 before any bot code runs. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface ServerDependencies {
  /** Handles one Bot Framework activity POSTed to /api/messages and writes the response. */
  handleActivity(req: Request, res: Response): Promise<void>;
  /** What /healthz reports. */
  health(): Record<string, unknown>;
  /** The Partnership tab: its page and JSON API. */
  tab?: TabDependencies;
  /** The file a signed export link's query asks for: the actions CSV, or the admin's whole-store backup. */
  exportFile?(kind: ExportKind, query: Record<string, unknown>): { status: number; body: string; contentType: string };
  logger: Logger;
}

export function createServer(deps: ServerDependencies): restify.Server {
  const server = restify.createServer({ name: 'csp-teams-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  // JSON only: a form-encoded or multipart body is what a cross-site form posts, never the Bot Framework.
  // Its body reader takes the size limit too, though restify's types leave it out.
  server.use(
    restify.plugins.jsonBodyParser({
      maxBodySize: MAX_BODY_BYTES,
      mapParams: false,
    } as restify.plugins.JsonBodyParserOptions),
  );

  server.post('/api/messages', async (req: Request, res: Response) => {
    if (!req.is('application/json')) {
      res.send(415, { error: 'The body must be JSON (application/json).' });
      return;
    }
    const problem = activityProblem(req.body);
    if (problem) {
      res.send(400, { error: problem });
      return;
    }
    await deps.handleActivity(req, res);
  });

  // The Agents Playground probes the endpoint with HEAD before connecting.
  server.head('/api/messages', async (_req: Request, res: Response) => {
    res.send(200);
  });

  const exportFile = deps.exportFile;
  if (exportFile) {
    const filenames: Record<ExportKind, string> = { actions: 'actions.csv', backup: 'csp-bot-backup.json' };
    for (const kind of Object.keys(EXPORT_PATHS) as ExportKind[]) {
      server.get(EXPORT_PATHS[kind], async (req: Request, res: Response) => {
        const result = exportFile(kind, (req.query ?? {}) as Record<string, unknown>);
        const disposition = result.status === 200 ? `attachment; filename="${filenames[kind]}"` : 'inline';
        res.writeHead(result.status, {
          'content-type': result.contentType,
          'cache-control': 'no-store',
          'content-disposition': disposition,
        });
        res.end(result.body);
      });
    }
  }

  if (deps.tab) mountTab(server, deps.tab);

  // The pages the Teams manifest's privacyUrl and termsOfUseUrl point at.
  for (const [route, html] of [
    ['/privacy', PRIVACY_PAGE],
    ['/terms', TERMS_PAGE],
  ] as const) {
    server.get(route, async (_req: Request, res: Response) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=3600' });
      res.end(html);
    });
  }

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok', ...deps.health() });
  });

  server.on(
    'restifyError',
    (req: Request, _res: Response, error: Error & { statusCode?: number }, callback: () => void) => {
      const status = error.statusCode ?? 500;
      const log = status >= 500 ? deps.logger.error.bind(deps.logger) : deps.logger.warn.bind(deps.logger);
      log({ err: error, method: req.method, path: req.path(), status }, 'request failed');
      callback();
    },
  );
  return server;
}

/**
 * The least an activity must have before the adapter sees it: a type (without one it answers
 * 500), a conversation and a service URL to answer on (without them a reply waits on a DNS
 * time-out), and Teams as its channel: identities from other channels are not Teams' to vouch for.
 */
function activityProblem(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || Buffer.isBuffer(body))
    return 'The body must be a JSON Bot Framework activity.';
  const { type, serviceUrl, conversation, channelId } = body as {
    type?: unknown;
    serviceUrl?: unknown;
    conversation?: { id?: unknown };
    channelId?: unknown;
  };
  if (typeof type !== 'string' || type.length === 0) return 'The activity must have a "type".';
  if (channelId !== 'msteams') return 'This bot serves Microsoft Teams only.';
  if (typeof serviceUrl !== 'string' || !/^https?:\/\/[^\s/]/.test(serviceUrl))
    return 'The activity must have a "serviceUrl".';
  if (typeof conversation?.id !== 'string' || conversation.id.length === 0)
    return 'The activity must have a "conversation".';
  return undefined;
}

/** Starts listening; resolves with the base URL once the port is bound. */
export function listen(server: restify.Server, port: number, host = '0.0.0.0'): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.removeListener('error', reject);
      const address = server.address();
      resolve(`http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`);
    });
  });
}
