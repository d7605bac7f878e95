/**
 * Connects the HTTP edge to the bot: each POSTed activity is checked against the tenant
 * allow-list, processed by the CloudAdapter (which authenticates it outside local mode and runs
 * the bot's turn) and logged as one JSON line: activity type, command, outcome, status and
 * duration, with no message text or personal data.
 */
import type { ActivityHandler, CloudAdapter, Request, Response } from 'botbuilder';
import type { Logger } from 'pino';
import { startReport, type TurnReport } from './turn-report.js';

export interface MessageEndpointOptions {
  /** Azure AD tenants whose activities are served; empty serves any. */
  allowedTenants: readonly string[];
  logger: Logger;
}

interface ActivityShape {
  type?: unknown;
  conversation?: { tenantId?: unknown; conversationType?: unknown };
  channelData?: { tenant?: { id?: unknown } };
}

/**
 * The response as the adapter writes it, except that a failure before the turn starts is an
 * authentication failure: the SDK answers 500 for a token it cannot verify at all (no
 * signature, a key it was not given), where 401 is right.
 */
function authenticatingResponse(res: Response, turnStarted: () => boolean): Response {
  return {
    get socket() {
      return res.socket;
    },
    header: (name, value) => res.header(name, value),
    send: (...args) => res.send(...args),
    status: (code) => res.status(code === 500 && !turnStarted() ? 401 : code),
    end: (...args) => res.end(...args),
  };
}

function tenantOf(activity: ActivityShape): string | undefined {
  const id = activity.channelData?.tenant?.id ?? activity.conversation?.tenantId;
  return typeof id === 'string' ? id : undefined;
}

export function createMessageEndpoint(adapter: CloudAdapter, bot: ActivityHandler, options: MessageEndpointOptions): (req: Request, res: Response) => Promise<void> {
  const allowed = new Set(options.allowedTenants);
  return async (req, res) => {
    const started = performance.now();
    const activity = (req.body ?? {}) as ActivityShape;
    const line = {
      activityType: typeof activity.type === 'string' ? activity.type.slice(0, 40) : 'unknown',
      conversationType: typeof activity.conversation?.conversationType === 'string' ? activity.conversation.conversationType.slice(0, 20) : undefined,
    };
    if (allowed.size > 0 && !allowed.has(tenantOf(activity) ?? '')) {
      res.status(403);
      res.send({ error: 'This bot does not serve your organisation.' });
      res.end();
      options.logger.warn({ ...line, outcome: 'tenant-refused', status: 403, durationMs: Math.round(performance.now() - started) }, 'turn');
      return;
    }
    let report: TurnReport | undefined;
    await adapter.process(req, authenticatingResponse(res, () => report !== undefined), async (context) => {
      report = startReport(context);
      await bot.run(context);
    });
    const status = (res as unknown as { statusCode?: number }).statusCode;
    options.logger.info({ ...line, ...(report ?? { outcome: 'refused' }), status, durationMs: Math.round(performance.now() - started) }, 'turn');
  };
}
