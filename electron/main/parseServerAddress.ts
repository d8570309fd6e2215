import { HIDDEN_OR_SPACE } from './hiddenOrSpace.js';

const MAX_LENGTH = 2048;

/**
 * Validates a server address typed by the user (or read back from settings) and returns its origin,
 * e.g. " http://192.168.1.10:4780/ " → "http://192.168.1.10:4780". Returns null for anything but a
 * plain http(s) URL: no credentials, query or fragment, a real port; a path is dropped.
 */
export function parseServerAddress(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > MAX_LENGTH) return null;
  const text = input.trim();
  if (HIDDEN_OR_SPACE.test(text)) return null;
  // Demand the scheme spelled out: the URL parser would also accept "http:host" or "http:\\host".
  const match = /^https?:\/\/([^/?#]*)/i.exec(text);
  if (!match) return null;
  // No credentials, and no empty authority: the parser would read "http:///api" as host "api".
  const authority = match[1];
  if (authority === '' || authority.includes('@')) return null;
  if (text.includes('\\') || text.includes('?') || text.includes('#')) return null;

  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.port === '0') return null;
  return url.origin;
}
