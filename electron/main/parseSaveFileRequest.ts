import { types } from 'node:util';
import type { SaveFileFilter } from '../preload/bridge.js';
import { isPlainObject } from './isPlainObject.js';
import { parseFileName } from './parseFileName.js';

/** Exports are streamed by the server into memory first, so keep them to a size the shell can hold. */
export const MAX_SAVE_FILE_BYTES = 512 * 1024 * 1024;
const MAX_FILTERS = 10;
const MAX_FILTER_NAME_LENGTH = 100;
const MAX_EXTENSIONS = 10;
const EXTENSION = /^[A-Za-z0-9]{1,16}$/;
const CONTROL = /[\u0000-\u001f\u007f]/;

export type SaveFileOrder = { suggestedName: string; bytes: Uint8Array; filters: SaveFileFilter[] };

/** Validates the renderer's saveFile() argument; null if anything about it is off. */
export function parseSaveFileRequest(input: unknown): SaveFileOrder | null {
  if (!isPlainObject(input, ['suggestedName', 'data', 'filters'])) return null;
  const suggestedName = parseFileName(input.suggestedName);
  const bytes = parseBytes(input.data);
  const filters = input.filters === undefined ? [] : parseFilters(input.filters);
  if (suggestedName === null || bytes === null || filters === null) return null;
  return { suggestedName, bytes, filters };
}

function parseBytes(input: unknown): Uint8Array | null {
  // util.types, not instanceof: the checks must hold for values from another JavaScript realm.
  const bytes = types.isArrayBuffer(input) ? new Uint8Array(input) : types.isUint8Array(input) ? input : null;
  return bytes !== null && bytes.byteLength <= MAX_SAVE_FILE_BYTES ? bytes : null;
}

export function parseFilters(input: unknown): SaveFileFilter[] | null {
  if (!Array.isArray(input) || input.length > MAX_FILTERS) return null;
  const filters: SaveFileFilter[] = [];
  for (const item of input) {
    if (!isPlainObject(item, ['name', 'extensions'])) return null;
    const { name, extensions } = item;
    if (typeof name !== 'string' || name.length === 0 || name.length > MAX_FILTER_NAME_LENGTH || CONTROL.test(name)) return null;
    if (!Array.isArray(extensions) || extensions.length === 0 || extensions.length > MAX_EXTENSIONS) return null;
    if (!extensions.every((extension) => typeof extension === 'string' && EXTENSION.test(extension))) return null;
    filters.push({ name, extensions: [...extensions] });
  }
  return filters;
}
