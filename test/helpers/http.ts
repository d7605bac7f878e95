/**
 * Minimal HTTP client helpers for driving a bot's `/api/messages` endpoint the way the Bot
 * Connector does: a JSON POST of one activity, answered with a status and (for invokes) a JSON
 * body. `postRaw` exists for the unhappy paths — malformed JSON, wrong content type — that a typed
 * helper would refuse to produce. Uses Node's global fetch so connections are kept alive by
 * undici's default agent, like a long-lived channel connection.
 */

export interface PostResult {
  status: number;
  /** Parsed JSON when the response is JSON, the raw text otherwise, undefined when empty. */
  body: unknown;
  headers: Headers;
}

export interface PostActivityOptions {
  authorization?: string;
  signal?: AbortSignal;
}

async function readResult(response: Response): Promise<PostResult> {
  const text = await response.text();
  let body: unknown = undefined;
  if (text.length > 0) {
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      body = text;
    }
  }
  return { status: response.status, body, headers: response.headers };
}

export async function postActivity(
  botUrl: string,
  activity: unknown,
  options: PostActivityOptions = {},
): Promise<PostResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  if (options.authorization !== undefined) headers['authorization'] = options.authorization;
  const response = await fetch(botUrl, {
    method: 'POST',
    headers,
    body: JSON.stringify(activity),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return readResult(response);
}

export async function postRaw(
  url: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): Promise<PostResult> {
  // fetch's BodyInit rejects Buffer (its backing store may be shared); a copied Uint8Array is accepted.
  const payload = typeof body === 'string' ? body : new Uint8Array(body);
  const response = await fetch(url, { method: 'POST', headers, body: payload });
  return readResult(response);
}
