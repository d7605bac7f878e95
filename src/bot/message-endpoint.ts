/**
 * Connects the HTTP edge to the bot: each POSTed activity is processed by the CloudAdapter (which
 * authenticates it outside local mode), checked against the tenant allow-list once it is known to
 * be genuine, and handed to the bot's turn; then logged as one JSON line: activity type, command,
 * outcome, status and duration, with no message text or personal data.
 */
import {
  ActivityTypes,
  type ActivityHandler,
  type CloudAdapter,
  type Request,
  type Response,
  type TurnContext,
} from 'botbuilder';
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

/** Activity types the bot handles; anything else is logged as "other", never as sent (it could be any text). */
const KNOWN_TYPES = new Set<string>(Object.values(ActivityTypes));

const OTHER_ORGANISATION =
  "This assistant serves the partnerships' own organisations, and yours is not one of them yet. Ask your partnership's secretariat to add it.";

/** Someone from a tenant that is not allowed gets one short message, and nothing else happens. */
async function refuseTenant(context: TurnContext): Promise<void> {
  if (context.activity.type === ActivityTypes.Message) await context.sendActivity(OTHER_ORGANISATION);
  else if (context.activity.type === ActivityTypes.Invoke) {
    const body = { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: OTHER_ORGANISATION };
    await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
  }
}

function tenantOf(activity: ActivityShape): string | undefined {
  const id = activity.channelData?.tenant?.id ?? activity.conversation?.tenantId;
  return typeof id === 'string' ? id : undefined;
}

export function createMessageEndpoint(
  adapter: CloudAdapter,
  bot: ActivityHandler,
  options: MessageEndpointOptions,
): (req: Request, res: Response) => Promise<void> {
  const allowed = new Set(options.allowedTenants);
  return async (req, res) => {
    const started = performance.now();
    const activity = (req.body ?? {}) as ActivityShape;
    const line = {
      activityType: typeof activity.type === 'string' && KNOWN_TYPES.has(activity.type) ? activity.type : 'other',
      conversationType:
        typeof activity.conversation?.conversationType === 'string' &&
        /^(personal|groupChat|channel)$/.test(activity.conversation.conversationType)
          ? activity.conversation.conversationType
          : undefined,
    };
    let report: TurnReport | undefined;
    await adapter.process(
      req,
      authenticatingResponse(res, () => report !== undefined),
      async (context) => {
        report = startReport(context);
        if (allowed.size > 0 && !allowed.has(tenantOf(context.activity) ?? '')) {
          report.outcome = 'tenant-refused';
          await refuseTenant(context);
          return;
        }
        await bot.run(context);
      },
    );
    const status = (res as unknown as { statusCode?: number }).statusCode;
    options.logger.info(
      { ...line, ...(report ?? { outcome: 'refused' }), status, durationMs: Math.round(performance.now() - started) },
      'turn',
    );
  };
}
