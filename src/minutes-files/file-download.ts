/**
 * Downloads a file Teams attached to a personal-chat message. Its `downloadUrl` is pre-
 * authenticated and short-lived, so no bot token is sent. The size cap is checked on the
 * announced length and again while reading, so a server that lies cannot make the bot hold more;
 * the timeout covers the whole download.
 */
export interface DownloadLimits {
  maxBytes: number;
  timeoutMs: number;
}

/** Why a download failed, in words for the member who sent the file. */
export class DownloadError extends Error {}

function megabytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

export async function downloadFile(url: string, limits: DownloadLimits): Promise<Uint8Array> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DownloadError('Teams gave no valid address to download it from');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new DownloadError('Teams gave no web address to download it from');
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const tooBig = new DownloadError(
    `it is larger than the ${megabytes(limits.maxBytes)} limit for minutes files; send the minutes alone, or as text`,
  );
  try {
    const response = await fetch(parsed, { signal, redirect: 'follow' });
    if (!response.ok)
      throw new DownloadError(
        `the download failed (HTTP ${response.status}); the link Teams gives lasts only a few minutes, so send the file again`,
      );
    if (Number(response.headers.get('content-length') ?? 0) > limits.maxBytes) {
      await response.body?.cancel();
      throw tooBig;
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    for await (const chunk of response.body ?? []) {
      total += chunk.length;
      if (total > limits.maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        throw tooBig;
      }
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  } catch (error) {
    if (error instanceof DownloadError) throw error;
    if (signal.aborted)
      throw new DownloadError(
        `the download took longer than ${Math.round(limits.timeoutMs / 1000)} seconds and was stopped; send the file again`,
      );
    throw new DownloadError('the download failed (the file could not be reached); send the file again');
  }
}
