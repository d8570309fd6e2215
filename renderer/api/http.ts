import type { ErrorBody } from '../../shared/schemas/common';
import { ApiError } from './ApiError';
import { sessionToken } from './sessionToken';

type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];
export type Query = { [name: string]: QueryValue };
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
/** Headers a call may add to the usual ones: a bulk POST's Idempotency-Key (a retry applies nothing twice). */
export type RequestHeaders = { 'Idempotency-Key'?: string };

let handleUnauthorized: () => void = () => {};

/** Called when a signed-in request gets 401 (session expired or revoked): the app returns to login. */
export function setUnauthorizedHandler(handler: () => void): void {
  handleUnauthorized = handler;
}

/** Same-origin URL; arrays repeat the parameter (`stars=1&stars=2`), empty values are left out. */
function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) params.append(name, String(item));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function isErrorBody(payload: unknown): payload is ErrorBody {
  if (typeof payload !== 'object' || payload === null || !('error' in payload)) return false;
  const { error } = payload;
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string';
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

async function request<T>(method: Method, path: string, query?: Query, body?: unknown, extraHeaders?: RequestHeaders): Promise<T> {
  const token = sessionToken.get();
  const headers: Record<string, string> = { Accept: 'application/json', ...extraHeaders };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'NETWORK', 'The server cannot be reached');
  }
  const payload = parseJson(await response.text());
  if (!response.ok) {
    if (response.status === 401 && token) {
      sessionToken.clear();
      handleUnauthorized();
    }
    if (isErrorBody(payload)) throw new ApiError(response.status, payload.error.code, payload.error.message, payload.error.field);
    throw new ApiError(response.status, `HTTP_${response.status}`, response.statusText);
  }
  return payload as T;
}

/** The one HTTP client of the renderer: JSON, same origin, bearer token from the session. */
export const http = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, query),
  post: <T>(path: string, body?: unknown, query?: Query, headers?: RequestHeaders) => request<T>('POST', path, query, body ?? {}, headers),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, undefined, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, undefined, body),
  delete: <T>(path: string, query?: Query) => request<T>('DELETE', path, query),
};
