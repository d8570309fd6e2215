import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';

export type DownloadOutcome = { saved: true; path: string } | { saved: false; reason: 'http' | 'interrupted' };

/**
 * Streams `url` to `filePath` in the main process (never the whole file in memory, never over
 * IPC): into `<file>.part` first, renamed when complete, so a cancelled or broken download leaves
 * no half file under the chosen name (and does not destroy an existing file until the new one is whole).
 */
export async function streamDownload(url: URL, filePath: string, fetchImpl: typeof fetch = fetch): Promise<DownloadOutcome> {
  const partPath = `${filePath}.part`;
  let response: Response;
  try {
    response = await fetchImpl(url, { redirect: 'error', cache: 'no-store' });
  } catch {
    return { saved: false, reason: 'interrupted' };
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel().catch(() => undefined);
    return { saved: false, reason: 'http' };
  }
  try {
    await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), createWriteStream(partPath));
    await rename(partPath, filePath);
    return { saved: true, path: filePath };
  } catch {
    await rm(partPath, { force: true });
    return { saved: false, reason: 'interrupted' };
  }
}
