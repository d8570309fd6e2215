import type { SaveFileFilter } from '../preload/bridge.js';
import { isPlainObject } from './isPlainObject.js';
import { parseFileName } from './parseFileName.js';
import { parseFilters } from './parseSaveFileRequest.js';

/** The one kind of URL the shell downloads for the page: an export ticket's download on the configured server. */
const DOWNLOAD_PATH = '/api/exports/download';
const TICKET = /^[A-Za-z0-9_-]{10,100}$/;

export type SaveDownloadOrder = { url: URL; suggestedName: string; filters: SaveFileFilter[] };

/**
 * Validates the renderer's saveDownload() argument: `url` is the ticket URL the server answered
 * (relative, or absolute on the server's origin), nothing else; null if anything is off. The
 * ticket is the only credential in it, so the shell never sees the session token.
 */
export function parseSaveDownloadRequest(input: unknown, serverOrigin: string | null): SaveDownloadOrder | null {
  if (serverOrigin === null || !isPlainObject(input, ['url', 'suggestedName', 'filters'])) return null;
  if (typeof input.url !== 'string' || input.url.length > 300) return null;
  let url: URL;
  try {
    url = new URL(input.url, serverOrigin);
  } catch {
    return null;
  }
  if (url.origin !== serverOrigin || url.pathname !== DOWNLOAD_PATH || url.hash !== '' || url.username !== '' || url.password !== '') return null;
  const params = [...url.searchParams.entries()];
  if (params.length !== 1 || params[0][0] !== 'ticket' || !TICKET.test(params[0][1])) return null;
  const suggestedName = parseFileName(input.suggestedName);
  const filters = input.filters === undefined ? [] : parseFilters(input.filters);
  if (suggestedName === null || filters === null) return null;
  return { url, suggestedName, filters };
}
