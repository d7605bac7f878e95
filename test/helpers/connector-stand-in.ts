/**
 * A local stand-in for the Bot Connector service. The bot under test is handed this server's url as
 * the inbound activity's `serviceUrl`, so botbuilder's own ConnectorClient delivers replies here over
 * real HTTP using the v3 REST routes (reply, send, update, delete, create conversation). That lets
 * tests assert on exactly what a Teams user would receive, and lets the benchmark measure the whole
 * outbound path rather than a mocked adapter. Fault injection (429 with Retry-After, artificial
 * latency) exercises the client's retry behaviour, and `record: false` keeps the per-request cost to a
 * counter so tens of thousands of activities do not distort timings or memory.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';

export type ConnectorOperation =
  'replyToActivity' | 'sendToConversation' | 'updateActivity' | 'deleteActivity' | 'createConversation' | 'unknown';

export interface RecordedRequest {
  method: string;
  path: string;
  operation: ConnectorOperation;
  conversationId?: string;
  activityId?: string;
  body: unknown;
  authorization?: string;
  /** Status the stand-in answered with, so tests can see injected failures and the retries after them. */
  status: number;
  receivedAt: number;
}

export interface FailFirstOptions {
  status: number;
  count: number;
  retryAfterSeconds?: number;
}

export interface ConnectorStandInOptions {
  /** When false only counts are kept (no request log, no bodies retained). Defaults to true. */
  record?: boolean;
  /** Artificial latency added before every response, to mimic the real service's round trip. */
  delayMs?: number;
  /** The next `count` activity POSTs get `status` (e.g. 429) instead of being accepted. */
  failFirst?: FailFirstOptions;
  port?: number;
}

export interface WaitOptions {
  conversationId?: string;
  timeoutMs?: number;
}

export interface ConnectorStandIn {
  /** serviceUrl to put on inbound activities, with trailing slash as Teams sends it. */
  readonly url: string;
  readonly requests: readonly RecordedRequest[];
  /** Message activities accepted (replies + sends), counted even when not recording. */
  readonly messageCount: number;
  activitiesFor(conversationId: string): Partial<Activity>[];
  waitForActivities(count: number, options?: WaitOptions): Promise<Partial<Activity>[]>;
  respond429(count: number, retryAfterSeconds?: number): void;
  failNext(options: FailFirstOptions): void;
  setDelay(ms: number): void;
  clear(): void;
  close(): Promise<void>;
}

interface Route {
  operation: ConnectorOperation;
  conversationId?: string;
  activityId?: string;
}

interface Waiter {
  count: number;
  conversationId?: string;
  resolve: (activities: Partial<Activity>[]) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

const ACTIVITY_POSTS: ReadonlySet<ConnectorOperation> = new Set(['replyToActivity', 'sendToConversation']);

/** Segments are split before decoding because Teams ids carry `:` `@` `;` `=` which the client percent-encodes. */
export function matchConnectorRoute(method: string, path: string): Route {
  const segments = path
    .split('?')[0]!
    .split('/')
    .filter((s) => s.length > 0)
    .map(safeDecode);
  const [version, collection, conversationId, sub, activityId, extra] = segments;
  if (version !== 'v3' || collection !== 'conversations' || extra !== undefined) return { operation: 'unknown' };
  if (conversationId === undefined) {
    return method === 'POST' ? { operation: 'createConversation' } : { operation: 'unknown' };
  }
  if (sub !== 'activities') return { operation: 'unknown' };
  if (activityId === undefined) {
    return method === 'POST' ? { operation: 'sendToConversation', conversationId } : { operation: 'unknown' };
  }
  const byMethod: Record<string, ConnectorOperation> = {
    POST: 'replyToActivity',
    PUT: 'updateActivity',
    DELETE: 'deleteActivity',
  };
  const operation = byMethod[method];
  // `activities/history` is a real route (send transcript) that this stand-in deliberately does not serve.
  if (operation === undefined || activityId === 'history') return { operation: 'unknown' };
  return { operation, conversationId, activityId };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    ...(payload ? { 'content-type': 'application/json; charset=utf-8' } : {}),
    'content-length': Buffer.byteLength(payload).toString(),
  });
  res.end(payload);
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function startConnectorStandIn(options: ConnectorStandInOptions = {}): Promise<ConnectorStandIn> {
  const record = options.record ?? true;
  let delayMs = options.delayMs ?? 0;
  let failure: FailFirstOptions | undefined = options.failFirst ? { ...options.failFirst } : undefined;
  let requests: RecordedRequest[] = [];
  let messageCount = 0;
  let countsByConversation = new Map<string, number>();
  let waiters: Waiter[] = [];
  // Teams activity ids are epoch-millisecond strings; mimicking that keeps ids plausible and unique.
  let nextId = Date.now();

  const messagesIn = (conversationId?: string): Partial<Activity>[] =>
    requests
      .filter((r) => ACTIVITY_POSTS.has(r.operation) && r.status < 300)
      .filter((r) => conversationId === undefined || r.conversationId === conversationId)
      .map((r) => r.body)
      .filter((b): b is Partial<Activity> => isRecord(b) && b['type'] === 'message');

  const countFor = (conversationId?: string): number =>
    conversationId === undefined ? messageCount : (countsByConversation.get(conversationId) ?? 0);

  const settleWaiters = (): void => {
    waiters = waiters.filter((w) => {
      if (countFor(w.conversationId) < w.count) return true;
      clearTimeout(w.timer);
      w.resolve(record ? messagesIn(w.conversationId) : []);
      return false;
    });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const receivedAt = Date.now();
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const raw = await readBody(req);
    const route = matchConnectorRoute(method, path);
    let body: unknown = undefined;
    let status = 200;
    let responseBody: unknown;
    let headers: Record<string, string> = {};
    try {
      body = raw.length > 0 ? JSON.parse(raw) : undefined;
    } catch {
      status = 400;
      responseBody = { error: { code: 'BadArgument', message: 'Request body is not valid JSON' } };
    }
    if (status === 200 && route.operation === 'unknown') {
      status = 404;
      responseBody = { error: { code: 'NotFound', message: `No stand-in route for ${method} ${path}` } };
    } else if (status === 200 && ACTIVITY_POSTS.has(route.operation) && failure && failure.count > 0) {
      failure.count -= 1;
      status = failure.status;
      responseBody = { error: { code: 'Throttled', message: 'Injected failure from connector stand-in' } };
      if (failure.retryAfterSeconds !== undefined) headers = { 'retry-after': String(failure.retryAfterSeconds) };
    } else if (status === 200) {
      nextId += 1;
      const id = String(nextId);
      if (route.operation === 'createConversation') {
        responseBody = { id: `a:standin-${id}`, activityId: id, serviceUrl: url };
        status = 201;
      } else if (route.operation === 'deleteActivity') {
        responseBody = undefined;
      } else {
        responseBody = { id: route.operation === 'updateActivity' ? route.activityId : id };
      }
    }

    const countsAsMessage =
      status < 300 && ACTIVITY_POSTS.has(route.operation) && isRecord(body) && body['type'] === 'message';
    if (countsAsMessage) {
      messageCount += 1;
      const conversationId = route.conversationId ?? '';
      countsByConversation.set(conversationId, (countsByConversation.get(conversationId) ?? 0) + 1);
    }
    if (record) {
      const authorization = req.headers.authorization;
      requests.push({
        method,
        path,
        operation: route.operation,
        ...(route.conversationId !== undefined ? { conversationId: route.conversationId } : {}),
        ...(route.activityId !== undefined ? { activityId: route.activityId } : {}),
        body,
        ...(authorization !== undefined ? { authorization } : {}),
        status,
        receivedAt,
      });
    }
    if (countsAsMessage) settleWaiters();
    if (delayMs > 0) await delay(delayMs);
    sendJson(res, status, responseBody, headers);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { code: 'ServiceError', message: String(err) } });
    });
  });
  // Without this, keep-alive sockets from the bot's HTTP agent would hold close() open indefinitely.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/`;

  return {
    url,
    get requests() {
      return requests;
    },
    get messageCount() {
      return messageCount;
    },
    activitiesFor: (conversationId) => messagesIn(conversationId),
    waitForActivities(count, waitOptions = {}) {
      const { conversationId, timeoutMs = 5_000 } = waitOptions;
      if (countFor(conversationId) >= count) {
        return Promise.resolve(record ? messagesIn(conversationId) : []);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w.timer !== timer);
          const scope = conversationId === undefined ? 'in total' : `on conversation ${conversationId}`;
          const seen = requests.map((r) => `${r.method} ${r.path} -> ${r.status} ${summariseBody(r.body)}`);
          reject(
            new Error(
              `Connector stand-in: expected ${count} message activities ${scope} within ${timeoutMs}ms, ` +
                `got ${countFor(conversationId)}. Requests received (${seen.length}):\n  ${seen.join('\n  ') || '(none)'}`,
            ),
          );
        }, timeoutMs);
        waiters.push({ count, ...(conversationId !== undefined ? { conversationId } : {}), resolve, reject, timer });
      });
    },
    respond429(count, retryAfterSeconds = 0) {
      failure = { status: 429, count, retryAfterSeconds };
    },
    failNext(next) {
      failure = { ...next };
    },
    setDelay(ms) {
      delayMs = ms;
    },
    clear() {
      requests = [];
      messageCount = 0;
      countsByConversation = new Map();
    },
    close() {
      for (const w of waiters) {
        clearTimeout(w.timer);
        w.reject(new Error('Connector stand-in closed while waiting for activities'));
      }
      waiters = [];
      return new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeIdleConnections();
      });
    },
  };
}

function summariseBody(body: unknown): string {
  if (!isRecord(body)) return '';
  const text = typeof body['text'] === 'string' ? JSON.stringify(body['text'].slice(0, 80)) : '';
  const attachments = Array.isArray(body['attachments']) ? ` +${body['attachments'].length} attachment(s)` : '';
  return `[${String(body['type'])}] ${text}${attachments}`.trim();
}
