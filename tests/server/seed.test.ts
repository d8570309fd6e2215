import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { App } from '../../server/appType';
import type { Db } from '../../server/db/database';
import { customersExist, seedAtScale } from '../../server/seed/scaleSeed';
import { signIn } from '../support/apiClient';
import { useFreshDatabases } from '../support/testDatabase';

const { freshDatabase } = useFreshDatabases();

describe('npm run seed (COPY at scale)', () => {
  let db: Db;
  let app: App;
  const customers = 3000;

  beforeAll(async () => {
    ({ db } = await freshDatabase());
    await seedAtScale(db, { customers, seed: 7, asOf: '2026-11-23', password: 'Demo@12345', log: () => {} });
    app = await buildApp({ db });
  }, 120_000);
  afterAll(() => app.close());

  it('creates the company and N customers with their history', async () => {
    const count = async (table: string) => Number((await db(table).count('* as n').first())!.n);
    expect(await count('departments')).toBe(20);
    // Besides the system user scheduled jobs act as (migration 0013).
    expect(await count('users')).toBe(301);
    expect(await count('customers')).toBe(customers);
    expect(await count('activities')).toBe(customers * 5);
    expect(await count('contracts')).toBeGreaterThan(0);
    expect(await count('quotes')).toBeGreaterThan(0);
    expect(await count('opportunities')).toBeGreaterThan(0);
    expect(await customersExist(db)).toBe(true);
  });

  it('gives customers only care statuses of the managed list, most of them one, a few waiting for multi-assign', async () => {
    const outside = await db.raw(`SELECT DISTINCT care_status FROM customers WHERE care_status IS NOT NULL
      AND care_status NOT IN (SELECT coalesce(key, name) FROM care_statuses WHERE deleted_at IS NULL)`);
    expect(outside.rows).toEqual([]);
    const spread = (await db.raw(`SELECT count(care_status)::int AS with_status,
      count(*) FILTER (WHERE care_status = 'multi_assign_pending')::int AS pending FROM customers`)).rows[0];
    expect(spread.with_status / customers).toBeGreaterThan(0.6);
    expect(spread.pending).toBeGreaterThan(0);
    expect(spread.pending / customers).toBeLessThan(0.15);
  });

  it('leaves a working product: seeded users sign in, see their customers, and new codes do not collide', async () => {
    const owner = await db('customers as c').join('users as u', 'u.id', 'c.owner_id').where('u.role', 'staff').first('u.username');
    const staff = await signIn(app, owner.username, 'Demo@12345');
    const list = await staff.call('GET', '/api/customers?limit=5');
    expect(list.status).toBe(200);
    expect(list.body.total).toBeGreaterThan(0);
    const created = await staff.call('POST', '/api/customers', { name: 'Khách Sau Seed' });
    expect(created.status).toBe(201);
    const deep = await staff.call('GET', `/api/customers?offset=${Math.max(0, list.body.total - 1)}&limit=5`);
    expect(deep.body.rows.length).toBeGreaterThan(0);
  });

  it('refuses to seed a database that already has customers', async () => {
    await expect(seedAtScale(db, { customers: 10, seed: 7, asOf: '2026-11-23', password: 'Demo@12345', log: () => {} })).rejects.toThrow();
  });
});
