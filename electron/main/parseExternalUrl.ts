import { HIDDEN_OR_SPACE } from './hiddenOrSpace.js';

const MAX_LENGTH = 2048;

/**
 * Returns the normalised URL if it is safe to hand to the system browser (shell.openExternal):
 * http or https, with a host and no credentials. Anything else (file:, javascript:, custom
 * protocol handlers that could launch programs) gives null.
 */
export function parseExternalUrl(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > MAX_LENGTH || HIDDEN_OR_SPACE.test(input)) return null;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return url.href;
}
