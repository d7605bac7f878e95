/**
 * How `npm run import` hands an import to the running bot instead of stopping it: a second HTTP
 * listener on the loopback interface only (never the public one), on a port of the system's
 * choosing, that takes one request, POST /import, authenticated by a random secret. The address
 * and secret are written to `<DATA_FILE>.import-handoff`, readable only by the server's user
 * (mode 0600), and removed when the bot stops: whoever can read it could already edit the store.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmod, rename, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';

export interface HandedImportRequest {
  files: { name: string; text: string }[];
  partnershipId?: string;
}

export interface HandedImportResponse {
  status: number;
  lines: string[];
}

/** The largest import request read (text of the minutes), well above any set of published pages. */
const MAX_REQUEST_BYTES = 50 * 1024 * 1024;

export function handoffFile(dataFile: string): string {
  return `${dataFile}.import-handoff`;
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    total += (chunk as Buffer).length;
    if (total > MAX_REQUEST_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function readRequest(text: string): HandedImportRequest | null {
  try {
    const value = JSON.parse(text) as HandedImportRequest;
    const filesOk =
      Array.isArray(value.files) &&
      value.files.every((f) => typeof f?.name === 'string' && typeof f?.text === 'string');
    return filesOk && (value.partnershipId === undefined || typeof value.partnershipId === 'string') ? value : null;
  } catch {
    return null;
  }
}

export async function startImportHandoff(
  dataFile: string,
  handle: (request: HandedImportRequest) => Promise<HandedImportResponse>,
  logger: Logger,
): Promise<{ close(): Promise<void> }> {
  const secret = randomBytes(32).toString('base64url');
  const expected = Buffer.from(`Bearer ${secret}`);
  const server = createServer((req, res) => {
    const reply = (status: number, lines: string[]): void => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ lines }));
    };
    const given = Buffer.from(req.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return reply(401, ['not authorised']);
    if (req.method !== 'POST' || req.url !== '/import') return reply(404, ['not found']);
    void readBody(req)
      .then(async (body) => {
        const request = body === null ? null : readRequest(body);
        if (!request) return reply(400, ['the import request was not understood (or was over 50 MB)']);
        const response = await handle(request);
        reply(response.status, response.lines);
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'handed-over import failed');
        reply(500, ['the running bot could not save the import; nothing was written']);
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const file = handoffFile(dataFile);
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify({ url: `http://127.0.0.1:${port}/import`, secret, pid: process.pid }), {
    mode: 0o600,
  });
  await chmod(temporary, 0o600);
  await rename(temporary, file);
  return {
    close: async () => {
      await rm(file, { force: true });
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
