import { describe, expect, it } from 'vitest';
import { userActor } from '../../server/access/userActor';
import { runPool } from '../../server/features/pool/runPool';
import { useCompanyApp } from '../support/companyApp';
import { customerUpdates, expectSideTableExact, inRolledBackTransaction } from '../support/sideTables';
import { insertCustomers } from './ownershipFixtures';
import { poolFixtures } from './poolFixtures';

const t = useCompanyApp();
const f = poolFixtures(t);

const dueTruth = `SELECT customer_id, due_on, rule FROM crm_pool_due((SELECT value->'rules' FROM app_settings WHERE key = 'pool'), NULL)`;
const membersTruth = 'SELECT id FROM customers WHERE in_pool AND deleted_at IS NULL';

describe('pool side tables (migration 0020)', () => {
  it('customer_pool_due and customer_pool_members stay exact through activities, contracts, owners, pool moves and deletes', async () => {
    await f.saveSettings({ noActivitySinceLast: { enabled: true, days: 20 }, noContractSinceTransfer: { enabled: true, days: 40 } });
    const ids = await insertCustomers(t.db, t.staffA.userId, ['Bảng phụ 1', 'Bảng phụ 2', 'Bảng phụ 3', 'Bảng phụ 4', 'Bảng phụ 5']);
    await t.db('customers').whereIn('id', ids).update({ owner_assigned_at: '2024-01-01T09:00:00+07:00' });
    await expectSideTableExact(t.db, 'customer_pool_due', dueTruth);
    await f.activity(ids[0], '2024-03-01');
    await f.activity(ids[1], '2024-03-02', 'in_progress');
    await f.contract(ids[2], '2024-02-01');
    await expectSideTableExact(t.db, 'customer_pool_due', dueTruth);
    await t.db('activities').where({ customer_id: ids[0] }).update({ customer_id: ids[3] });
    await t.db('activities').where({ customer_id: ids[1] }).update({ status: 'done' });
    await t.db('contracts').where({ customer_id: ids[2] }).update({ deleted_at: t.db.fn.now() });
    await expectSideTableExact(t.db, 'customer_pool_due', dueTruth);
    await t.admin.call('POST', '/api/customers/transfer-owner', { customerIds: [ids[4]], userIds: [t.staffB.userId] });
    await t.db('customers').where({ id: ids[3] }).update({ deleted_at: t.db.fn.now() });
    await expectSideTableExact(t.db, 'customer_pool_due', dueTruth);
    const version = async () => Number((await t.db.raw('SELECT last_value FROM crm_list_version')).rows[0].last_value);
    const before = await version();
    const run = await t.admin.call('POST', '/api/pool/run', { asOf: '2024-06-01T09:00:00+07:00' });
    // Open grids hear of it: the move bumps the list version (and notifies crm_live) like any owner change.
    expect(await version()).toBeGreaterThan(before);
    expect(run.body.customerIds).toEqual(expect.arrayContaining([ids[0], ids[1], ids[2]]));
    await expectSideTableExact(t.db, 'customer_pool_due', dueTruth);
    await expectSideTableExact(t.db, 'customer_pool_members', membersTruth);
    await t.staffB.call('POST', '/api/pool/claim', { customerIds: [ids[0]] });
    await t.db('customers').where({ id: ids[1] }).update({ deleted_at: t.db.fn.now() });
    await expectSideTableExact(t.db, 'customer_pool_members', membersTruth);
    await expectSideTableExact(t.db, 'customer_pool_due', dueTruth);
    expect(await t.db('customer_pool_due').where({ customer_id: ids[0] }).first()).toBeTruthy();
    await f.saveSettings({});
    expect(await t.db('customer_pool_due').count('* as n').first()).toEqual({ n: 0 });
  });

  it('a pool run is a HOT update: nothing on customers indexes in_pool, owner or the receipt', async () => {
    const indexes = await t.db('pg_indexes').where({ tablename: 'customers' }).pluck('indexdef');
    expect(indexes.filter((definition: string) => /\b(in_pool|owner_id|previous_owner_id|owner_assigned_at|pool_entered_at)\b/.test(definition))).toEqual([]);
    // Every tenth customer is due, so each page has room (fillfactor 80) for the new row versions.
    const ids = await insertCustomers(t.db, t.staffC.userId, Array.from({ length: 500 }, (_, i) => `Chạy HOT ${String(i).padStart(3, '0')}`));
    await t.db('customers').whereIn('id', ids.filter((_, i) => i % 10 === 0)).update({ owner_assigned_at: '2019-01-01T09:00:00+07:00' });
    await f.saveSettings({ noActivitySinceTransfer: { enabled: true, days: 30 } });
    await t.db.raw('VACUUM customers');
    await inRolledBackTransaction(t.db, async (trx) => {
      const actor = (await userActor(trx, (await trx('users').where({ username: 'admin' }).first('id')).id))!;
      const before = await customerUpdates(trx);
      const result = await runPool(trx, actor, { asOf: '2019-03-01T09:00:00+07:00', trigger: 'manual' });
      expect(result.moved).toBe(50);
      const after = await customerUpdates(trx);
      const updated = after.updated - before.updated;
      expect((after.hot - before.hot) / updated, JSON.stringify({ updated, hot: after.hot - before.hot })).toBeGreaterThanOrEqual(0.9);
    });
    await f.saveSettings({});
  });
});
