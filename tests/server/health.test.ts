import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { App } from '../../server/appType';
import type { Db } from '../../server/db/database';
import { createTestDatabase } from '../support/testDatabase';

let db: Db;
let app: App;

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  app = await buildApp({ db });
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

describe('system endpoints', () => {
  it('reports healthy once the database answers', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('publishes an OpenAPI document', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    expect(response.json().openapi).toBe('3.1.0');
    expect(Object.keys(response.json().paths)).toContain('/api/health');
  });

  it('answers unknown API routes with the one error shape', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });

  it('searches Vietnamese text without diacritics, case or đ', async () => {
    const rows = await db.raw<{ rows: { value: string }[] }>(`SELECT crm_search_text('Nguyễn Văn Đông') AS value`);
    expect(rows.rows[0].value).toBe('nguyen van dong');
  });

  it('sorts names with Vietnamese collation', async () => {
    const result = await db.raw<{ rows: { name: string }[] }>(
      `SELECT name FROM (VALUES ('Đào'), ('Dương'), ('Ân'), ('An'), ('Ê'), ('E')) AS t(name) ORDER BY name COLLATE "vi-VN-x-icu"`);
    expect(result.rows.map((row) => row.name)).toEqual(['An', 'Ân', 'Dương', 'Đào', 'E', 'Ê']);
  });
});
