import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/appType';
import { signInAdmin, type ApiClient } from '../support/apiClient';
import { createTestApp } from '../support/testServer';

let app: App;
let close: () => Promise<void>;
let admin: ApiClient;
let operations: { method: string; path: string; public: boolean }[];

const publicPaths = new Set(['/api/health', '/api/auth/login']);
/** The live stream's and downloads' credential is a ticket, not the bearer token: without one it is 401 for everyone. */
const ticketPaths = new Set(['/api/events', '/api/exports/download']);
// Logging out would end the admin session the hostile requests use.
const sessionEnding = '/api/auth/logout';

beforeAll(async () => {
  ({ app, close } = await createTestApp());
  admin = await signInAdmin(app);
  const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  operations = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path, public: publicPaths.has(path) })));
});
afterAll(() => close());

const hostileIds = ['1', '0', '-1', 'abc', '1.5', '99999999999999999999', '%00', "1'%20OR%201=1"];
const hostileBodies: unknown[] = [
  {}, [], 'text', 123, null, { name: null }, { name: { $gt: '' } }, { name: 'x'.repeat(100_000) },
  { name: 'a\u0000b', customerIds: 'all' }, { customerIds: [1, 'x'], groupIds: [-1], mode: 'move' },
  { version: 'NaN', id: 1e308 }, { username: ['admin'], password: { length: 1 } },
];

describe('every operation in the OpenAPI document', () => {
  it('lists the API', () => {
    expect(operations.length).toBeGreaterThan(40);
  });

  it('requires a token on every non-public operation', async () => {
    for (const operation of operations.filter((op) => !op.public)) {
      const url = operation.path.replace(/\{[^}]+\}/g, '1');
      const response = await app.inject({ method: operation.method as 'GET', url });
      expect(response.statusCode, `${operation.method} ${url}`).toBe(401);
    }
  });

  it('never answers hostile input with a 5xx, and always with the one error shape', async () => {
    for (const operation of operations.filter((op) => op.path !== sessionEnding)) {
      for (const id of hostileIds) {
        const url = operation.path.replace(/\{[^}]+\}/g, id);
        const bodies = operation.method === 'GET' || operation.method === 'DELETE' ? [undefined] : hostileBodies;
        for (const body of bodies) {
          const response = await app.inject({
            method: operation.method as 'POST', url: `${url}?offset=-5&limit=abc&sort=;drop&customers=x`,
            headers: { authorization: `Bearer ${admin.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
            payload: body === undefined ? undefined : JSON.stringify(body),
          });
          const label = `${operation.method} ${url} ${JSON.stringify(body)?.slice(0, 80)}`;
          expect(response.statusCode, label).toBeLessThan(500);
          if (!ticketPaths.has(operation.path)) expect(response.statusCode, label).not.toBe(401);
          if (response.statusCode >= 400) expect(response.json().error?.code, label).toBeTruthy();
        }
      }
    }
  }, 120_000);

  it('survives a malformed JSON body on every write', async () => {
    for (const operation of operations.filter((op) => ['POST', 'PATCH', 'PUT'].includes(op.method) && op.path !== sessionEnding)) {
      const url = operation.path.replace(/\{[^}]+\}/g, '1');
      const response = await app.inject({
        method: operation.method as 'POST', url, payload: '{"name": ',
        headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
      });
      expect(response.statusCode, `${operation.method} ${url}`).toBe(400);
    }
  });
});
