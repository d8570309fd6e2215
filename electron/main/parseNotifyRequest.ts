import type { NotifyRequest } from '../preload/bridge.js';
import { isPlainObject } from './isPlainObject.js';

const MAX_TITLE_LENGTH = 100;
const MAX_BODY_LENGTH = 500;
// Line breaks are fine in a body; other control characters and bidi overrides are not.
const FORBIDDEN_IN_TITLE = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/u;
const FORBIDDEN_IN_BODY = /[\u0000-\u0009\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/u;

/** Validates the renderer's notify() argument; null if anything about it is off. */
export function parseNotifyRequest(input: unknown): NotifyRequest | null {
  if (!isPlainObject(input, ['title', 'body'])) return null;
  const { title, body } = input;
  if (typeof title !== 'string' || title.trim() === '' || title.length > MAX_TITLE_LENGTH || FORBIDDEN_IN_TITLE.test(title)) return null;
  if (typeof body !== 'string' || body.length > MAX_BODY_LENGTH || FORBIDDEN_IN_BODY.test(body)) return null;
  return { title, body };
}
