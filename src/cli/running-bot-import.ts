/**
 * `npm run import` while the bot runs: the bot holds the store, so the import is handed to it
 * (see http/import-handoff.ts) rather than refused. Null when no bot is running on this store,
 * or the one that left its address is gone: the command then opens the store itself.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export async function importThroughRunningBot(
  dataFile: string,
  files: readonly string[],
  partnershipId?: string,
): Promise<{ code: number; lines: string[] } | null> {
  let handoff: { url: string; secret: string };
  try {
    handoff = JSON.parse(await readFile(`${dataFile}.import-handoff`, 'utf8')) as { url: string; secret: string };
  } catch {
    return null;
  }
  const body = JSON.stringify({
    files: await Promise.all(
      files.map(async (file) => ({ name: path.basename(file), text: await readFile(file, 'utf8') })),
    ),
    ...(partnershipId ? { partnershipId } : {}),
  });
  let response: Response;
  try {
    response = await fetch(handoff.url, {
      method: 'POST',
      body,
      headers: { authorization: `Bearer ${handoff.secret}`, 'content-type': 'application/json' },
      signal: AbortSignal.timeout(120_000),
    });
  } catch {
    // A bot that stopped without removing the file (killed): nothing is listening.
    return null;
  }
  const { lines } = (await response.json()) as { lines: string[] };
  return {
    code: response.ok ? 0 : 1,
    lines: response.ok ? [`the bot is running on ${dataFile}: handed the import to it`, ...lines] : lines,
  };
}
