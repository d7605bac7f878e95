/** The tab's routes: the page, its script and style, the channel tab's configuration page, and its JSON API. */
import type { Request, Response, Server } from 'restify';
import type { TabAssets } from './tab-assets.js';
import type { TabAuth } from './tab-auth.js';

export interface TabDependencies {
  assets: TabAssets;
  auth: TabAuth;
  /**
   * The tab's data for the partnership of the channel or team it is in (the default elsewhere),
   * or null when the signed-in member may not see that partnership.
   */
  page(where: { channel?: string; team?: string; userId?: string }): Record<string, unknown> | null;
}

function send(res: Response, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

export function mountTab(server: Server, deps: TabDependencies): void {
  server.get('/tab', async (_req: Request, res: Response) =>
    send(res, 200, 'text/html; charset=utf-8', deps.assets.html),
  );
  server.get('/tab/config', async (_req: Request, res: Response) =>
    send(res, 200, 'text/html; charset=utf-8', deps.assets.configHtml),
  );
  server.get('/tab/tab.css', async (_req: Request, res: Response) =>
    send(res, 200, 'text/css; charset=utf-8', deps.assets.css),
  );
  server.get('/tab/tab.js', async (_req: Request, res: Response) =>
    send(res, 200, 'text/javascript; charset=utf-8', deps.assets.scripts['tab.js']),
  );
  server.get('/tab/teams.js', async (_req: Request, res: Response) =>
    send(res, 200, 'text/javascript; charset=utf-8', deps.assets.scripts['teams.js']),
  );
  server.get('/tab/config.js', async (_req: Request, res: Response) =>
    send(res, 200, 'text/javascript; charset=utf-8', deps.assets.scripts['config.js']),
  );
  server.get('/api/tab/partnership', async (req: Request, res: Response) => {
    const allowed = await deps.auth(req.header('authorization'));
    if (!allowed.ok) {
      send(res, 401, 'application/json', JSON.stringify({ error: allowed.reason }));
      return;
    }
    const query = (req.query ?? {}) as Record<string, unknown>;
    const text = (value: unknown): string | undefined =>
      typeof value === 'string' && value.length <= 200 ? value : undefined;
    const where = {
      ...(text(query.channel) ? { channel: text(query.channel) } : {}),
      ...(text(query.team) ? { team: text(query.team) } : {}),
      ...(allowed.userId ? { userId: allowed.userId } : {}),
    };
    const page = deps.page(where);
    if (!page) {
      send(
        res,
        403,
        'application/json',
        JSON.stringify({ error: "You are not a member of this channel's partnership." }),
      );
      return;
    }
    send(res, 200, 'application/json', JSON.stringify(page));
  });
}
