import { vi } from './vi.js';

/** The part of fetch this check uses, so both Electron's net.fetch and Node's fetch fit. */
export type HealthFetch = (
  url: string,
  init: { signal: AbortSignal; redirect: 'manual'; cache: 'no-store'; headers: Record<string, string> },
) => Promise<{ status: number; json(): Promise<unknown> }>;

export type HealthResult = { ok: true } | { ok: false; message: string };

/**
 * Asks `<origin>/api/health` whether a CRM server answers there within `timeoutMs`.
 * Failures come back as a Vietnamese message for the user, never as a thrown error.
 */
export async function checkServerHealth(origin: string, fetch: HealthFetch, timeoutMs: number): Promise<HealthResult> {
  const signal = AbortSignal.timeout(timeoutMs);
  const timedOut = { ok: false, message: vi.serverTimeout(Math.ceil(timeoutMs / 1000)) } as const;

  let response: Awaited<ReturnType<HealthFetch>>;
  try {
    // A redirect is not followed: the address must be the server itself, not a page forwarding elsewhere.
    response = await fetch(`${origin}/api/health`, {
      signal,
      redirect: 'manual',
      cache: 'no-store',
      headers: { accept: 'application/json' },
    });
  } catch {
    return signal.aborted ? timedOut : { ok: false, message: vi.serverUnreachable };
  }

  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    if (signal.aborted) return timedOut; // Otherwise not JSON: judged below like any wrong answer.
  }
  const status = typeof body === 'object' && body !== null && 'status' in body ? body.status : undefined;
  if (response.status === 200 && status === 'ok') return { ok: true };
  if (response.status === 503 && status === 'starting') return { ok: false, message: vi.serverStarting };
  return { ok: false, message: vi.notCrmServer };
}
