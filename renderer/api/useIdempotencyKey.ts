import { useCallback, useRef } from 'react';

/** 128 random bits as hex; crypto.randomUUID exists only on secure origins, and the CRM also runs over plain http on a LAN. */
function randomKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * An Idempotency-Key per request body: sending the same body again (a double click, a retry after
 * a lost answer) reuses the key, so the server applies it once; a changed body gets a new key.
 */
export function useIdempotencyKey(): (body: unknown) => string {
  const last = useRef<{ body: string; key: string } | null>(null);
  return useCallback((body: unknown) => {
    const text = JSON.stringify(body);
    if (last.current?.body !== text) last.current = { body: text, key: randomKey() };
    return last.current.key;
  }, []);
}
