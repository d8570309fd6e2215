import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { checkServerHealth } from './checkServerHealth.js';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import { vi as texts } from './vi.js';

let server: TestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(status: number, body: string, headers: Record<string, string> = {}): Promise<string> {
  server = await startTestServer((_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body);
  });
  return server.origin;
}

describe('checkServerHealth', () => {
  it('accepts a CRM server, asking GET /api/health for JSON', async () => {
    let seen: IncomingMessage | undefined;
    server = await startTestServer((request, response) => {
      seen = request;
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    });
    expect(await checkServerHealth(server.origin, fetch, 5_000)).toEqual({ ok: true });
    expect(seen?.method).toBe('GET');
    expect(seen?.url).toBe('/api/health');
    expect(seen?.headers.accept).toBe('application/json');
  });

  it('accepts a health answer with extra fields', async () => {
    expect(await checkServerHealth(await serve(200, '{"status":"ok","version":"1.2.0"}'), fetch, 5_000)).toEqual({ ok: true });
  });

  it('says so when the server is still starting', async () => {
    expect(await checkServerHealth(await serve(503, '{"status":"starting"}'), fetch, 5_000)).toEqual({
      ok: false,
      message: texts.serverStarting,
    });
  });

  it.each([
    ['a web page', 200, '<!doctype html><title>Router</title>'],
    ['a not-found answer', 404, '{"error":{"code":"NOT_FOUND","message":"x"}}'],
    ['another status', 200, '{"status":"down"}'],
    ['a JSON string', 200, '"ok"'],
    ['an empty body', 200, ''],
    ['a server error', 500, '{"status":"ok"}'],
  ])('rejects %s as not a CRM server', async (_case, status, body) => {
    expect(await checkServerHealth(await serve(status, body), fetch, 5_000)).toEqual({ ok: false, message: texts.notCrmServer });
  });

  it('does not follow a redirect to another server', async () => {
    const target = await startTestServer((_request, response) => response.writeHead(200).end('{"status":"ok"}'));
    try {
      const origin = await serve(302, '', { location: `${target.origin}/api/health` });
      expect(await checkServerHealth(origin, fetch, 5_000)).toEqual({ ok: false, message: texts.notCrmServer });
    } finally {
      await target.close();
    }
  });

  it('gives up after the timeout when nothing answers', async () => {
    server = await startTestServer(() => undefined); // Accepts the connection, never responds.
    const started = Date.now();
    expect(await checkServerHealth(server.origin, fetch, 300)).toEqual({ ok: false, message: texts.serverTimeout(1) });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('gives up after the timeout when the answer stalls halfway', async () => {
    server = await startTestServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"status":');
    });
    expect(await checkServerHealth(server.origin, fetch, 300)).toEqual({ ok: false, message: texts.serverTimeout(1) });
  });

  it('reports an address where nothing listens as unreachable', async () => {
    const origin = await serve(200, '{"status":"ok"}');
    await server?.close();
    server = undefined;
    expect(await checkServerHealth(origin, fetch, 5_000)).toEqual({ ok: false, message: texts.serverUnreachable });
  });
});
