import { describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/database';
import { tiers } from '../../server/migrations/20261202_0021_tiers';
import { recomputeTiers } from '../../server/scheduler/jobs/recomputeTiers';
import { loadSystemActor } from '../../server/scheduler/systemActor';
import { useCompanyApp } from '../support/companyApp';
import { tickJob } from '../support/schedulerTick';
import { customerUpdates, expectSideTableExact, inRolledBackTransaction } from '../support/sideTables';
import { insertCustomers } from './ownershipFixtures';

const t = useCompanyApp();

const expectTiersExact = (db: Db = t.db) => expectSideTableExact(db, 'customer_tiers',
  'SELECT id AS customer_id, tier_id, name FROM customers WHERE deleted_at IS NULL AND tier_id IS NOT NULL');

describe('customer_tiers: the index of customers.tier_id, kept by statement triggers (migration 0021)', () => {
  it('a full recompute is one HOT update of the customers whose tier changes, and the side table follows renames, the recycle bin and deletes', async () => {
    const silver = (await t.admin.call('POST', '/api/tiers', { name: 'Bạc HOT', minAmount: 1_000, discountPercent: 3, applyToExistingItems: false })).body;
    await t.admin.call('PUT', '/api/tiers/settings', { basis: 'revenue', autoUpdate: false });
    // Every tenth customer gets a contract, so each page has room (fillfactor 80) for its new row versions.
    const ids = await insertCustomers(t.db, t.staffA.userId, Array.from({ length: 500 }, (_, i) => `Phân cấp HOT ${String(i).padStart(3, '0')}`));
    const changing = ids.filter((_, i) => i % 10 === 0);
    await t.db('contracts').insert(changing.map((id) => ({ customer_id: id, owner_id: t.staffA.userId, date: '2026-11-01', value: 5_000 })));
    const indexes = await t.db('pg_indexes').where({ tablename: 'customers' }).pluck('indexdef');
    expect(indexes.filter((definition: string) => /\btier_id\b/.test(definition))).toEqual([]);

    const { before, after, changed } = await t.db.transaction(async (trx) => {
      const counted = await customerUpdates(trx);
      const { rows: [row] } = await trx.raw('SELECT crm_recompute_tiers(NULL) AS changed');
      return { before: counted, after: await customerUpdates(trx), changed: row.changed };
    });
    expect(changed).toBe(changing.length);
    const updated = after.updated - before.updated;
    expect(updated).toBe(changing.length);
    expect((after.hot - before.hot) / updated).toBeGreaterThanOrEqual(0.9);
    await expectTiersExact();
    expect((await t.admin.call('GET', `/api/customers?tierId=${silver.id}&sort=name:desc&limit=3`)).body.rows.map((row: { name: string }) => row.name))
      .toEqual(['Phân cấp HOT 490', 'Phân cấp HOT 480', 'Phân cấp HOT 470']);

    await t.db('customers').where({ id: changing[0] }).update({ name: 'Phân cấp đổi tên' });
    await t.db('customers').where({ id: changing[1] }).update({ deleted_at: t.db.fn.now() });
    await expectTiersExact();
    await t.db('customers').where({ id: changing[1] }).update({ deleted_at: null });
    await t.db('customers').where({ id: changing[2] }).update({ tier_id: null });
    await expectTiersExact();
    expect((await t.admin.call('GET', '/api/tiers')).body[0]).toMatchObject({ id: silver.id, customerCount: changing.length - 1 });
  });

  it('the nightly job recomputes while auto-update is on, and does nothing while it is off', async () => {
    await t.admin.call('PUT', '/api/tiers/settings', { basis: 'revenue', autoUpdate: false });
    const [id] = await insertCustomers(t.db, t.staffA.userId, ['Phân cấp ban đêm']);
    await t.db('contracts').insert({ customer_id: id, owner_id: t.staffA.userId, date: '2026-11-01', value: 9_000 });
    const tierOf = async () => (await t.db('customers').where({ id }).first('tier_id')).tier_id;
    const tick = () => tickJob(t.db, recomputeTiers);
    await tick();
    expect(await tierOf()).toBeNull();
    await t.admin.call('PUT', '/api/tiers/settings', { basis: 'revenue', autoUpdate: true });
    await t.db('customers').where({ id }).update({ tier_id: null });
    await tick();
    expect(await tierOf()).not.toBeNull();
    const { id: systemId } = await loadSystemActor(t.db);
    expect(await t.db('audit_log').where({ entity: 'tier', action: 'recompute' }).orderBy('id', 'desc').first('user_id')).toEqual({ user_id: systemId });
  });

  it('migrates down to the index on customers and up again', async () => {
    await inRolledBackTransaction(t.db, async (trx) => {
      await tiers.down(trx);
      expect(await trx('pg_indexes').where({ tablename: 'customers', indexname: 'customers_tier_name' }).count('* as n').first()).toEqual({ n: 1 });
      expect((await trx.raw(`SELECT to_regclass('customer_tiers') AS t`)).rows[0].t).toBeNull();
      await tiers.up(trx);
      await expectTiersExact(trx);
    });
  });
});
