import { describe, expect, it } from 'vitest';
import { customerOwnerIndex } from '../../server/migrations/20261202_0014_customer_owner_index';
import { userActor } from '../../server/access/userActor';
import type { Db } from '../../server/db/database';
import { transferOwners } from '../../server/features/ownership/transfer';
import type { ApiClient } from '../support/apiClient';
import { useCompanyApp } from '../support/companyApp';
import { customerUpdates, expectSideTableExact, inRolledBackTransaction } from '../support/sideTables';
import { insertCustomers } from './ownershipFixtures';

const t = useCompanyApp();

/** customer_owners must hold exactly its rows of `customers`. */
const expectMirrorExact = (db: Db = t.db) => expectSideTableExact(db, 'customer_owners', `SELECT id AS customer_id, owner_id FROM customers WHERE owner_id IS NOT NULL`);

async function transferred(client: ApiClient, body: Record<string, unknown>): Promise<number> {
  const response = await client.call('POST', '/api/customers/transfer-owner', body);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.batchId;
}

/** Every id the list shows `client`, all pages. */
async function listedIds(client: ApiClient): Promise<number[]> {
  const ids: number[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await client.call('GET', `/api/customers?limit=1000&offset=${offset}`);
    expect(page.status).toBe(200);
    ids.push(...page.body.rows.map((row: { id: number }) => row.id));
    if (ids.length >= page.body.total) return ids.sort((a, b) => a - b);
  }
}

describe('customer_owners: the index of customers.owner_id, kept by statement triggers', () => {
  it('follows inserts, owner edits, transfers, undo, pool (no owner), mixed multi-row updates and deletes', async () => {
    const created = await t.staffA.call('POST', '/api/customers', { name: 'Chỉ mục chủ sở hữu' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const ids = await insertCustomers(t.db, t.staffA.userId, ['Gương 1', 'Gương 2', 'Gương 3', 'Gương 4']);
    const [ownerless] = await insertCustomers(t.db, t.staffA.userId, ['Gương kho chung'], { owner_id: null, in_pool: true });
    await expectMirrorExact();

    const edited = await t.admin.call('PATCH', `/api/customers/${created.body.id}`, { version: created.body.version, ownerId: t.staffB.userId });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    await expectMirrorExact();

    const batchId = await transferred(t.northManager, { customerIds: ids, userIds: [t.staffB.userId] });
    await expectMirrorExact();
    const undo = await t.northManager.call('POST', `/api/transfer-batches/${batchId}/undo`);
    expect(undo.status, JSON.stringify(undo.body)).toBe(200);
    expect(undo.body.restored).toBe(ids.length);
    await expectMirrorExact();

    // To the pool and back out of it.
    await t.db('customers').whereIn('id', ids.slice(0, 2)).update({ owner_id: null, in_pool: true });
    await expectMirrorExact();
    await t.db('customers').whereIn('id', [ids[0], ownerless]).update({ owner_id: t.staffC.userId, in_pool: false });
    await expectMirrorExact();

    // One statement: some rows change owner, some only their score, one loses its owner.
    await t.db.raw(`UPDATE customers SET score = score + 1,
                      owner_id = CASE WHEN id = ? THEN ?::bigint WHEN id = ? THEN NULL ELSE owner_id END
                    WHERE id = ANY(?::bigint[])`, [ids[2], t.staffC.userId, ids[3], [...ids, ownerless]]);
    await expectMirrorExact();

    expect((await t.staffC.call('DELETE', `/api/customers/${ids[0]}`)).status).toBe(200);
    await expectMirrorExact();
    expect(await t.db('customer_owners').where({ customer_id: ids[0] }).first('owner_id')).toEqual({ owner_id: t.staffC.userId });
    await t.db('customers').whereIn('id', ids).delete();
    await expectMirrorExact();
    expect(await t.db('customer_owners').whereIn('customer_id', ids).count('* as n').first()).toEqual({ n: 0 });
  });

  it('empties with TRUNCATE customers', async () => {
    await inRolledBackTransaction(t.db, async (trx) => {
      await trx.raw('TRUNCATE customers CASCADE');
      expect(await trx('customer_owners').count('* as n').first()).toEqual({ n: 0 });
    });
    await expectMirrorExact();
  });

  it('keeps a transfer\'s owner change a HOT update (nothing indexes customers.owner_id)', async () => {
    // Every tenth customer moves, so each page has room (fillfactor 80) for its new row versions.
    const names = Array.from({ length: 500 }, (_, i) => `Cập nhật HOT ${String(i).padStart(3, '0')}`);
    const ids = await insertCustomers(t.db, t.staffA.userId, names);
    const moving = ids.filter((_, i) => i % 10 === 0);
    const indexes = await t.db('pg_indexes').where({ tablename: 'customers' }).pluck('indexdef');
    expect(indexes.filter((definition: string) => /\bowner_id\b/.test(definition))).toEqual([]);

    // What POST /api/customers/transfer-owner runs, in a transaction whose own counters we can read.
    const { before, after } = await t.db.transaction(async (trx) => {
      const actor = (await userActor(trx, t.northManager.userId))!;
      const counted = await customerUpdates(trx);
      const result = await transferOwners(trx, actor, { customerIds: moving, userIds: [t.staffB.userId] });
      expect(result.total).toBe(moving.length);
      return { before: counted, after: await customerUpdates(trx) };
    });
    const updated = after.updated - before.updated;
    const hot = after.hot - before.hot;
    expect(updated).toBeGreaterThanOrEqual(moving.length);
    expect(hot / updated, JSON.stringify({ updated, hot })).toBeGreaterThanOrEqual(0.9);
    await expectMirrorExact();
  });

  it('gives staff, managers and admins exactly the customers the owner column says', async () => {
    // A few of every kind: owned in and out of the north team, shared, pooled, deleted.
    await insertCustomers(t.db, t.staffB.userId, ['Quyền B 1', 'Quyền B 2']);
    await insertCustomers(t.db, t.staffC.userId, ['Quyền C 1', 'Quyền C 2']);
    await insertCustomers(t.db, t.staffC.userId, ['Quyền C đã xóa'], { deleted_at: new Date() });
    await insertCustomers(t.db, t.staffA.userId, ['Quyền kho'], { owner_id: null, in_pool: true });
    const [shared] = await insertCustomers(t.db, t.staffC.userId, ['Quyền chia sẻ']);
    await t.db('customer_shares').insert({ customer_id: shared, user_id: t.staffA.userId, source: 'share', info_types: ['general'] });

    const north = await t.db('users').where({ department_id: t.company.departments.north.id }).pluck('id');
    const sales = await t.db('users').whereIn('department_id', Object.values(t.company.departments).map((d) => d.id)).pluck('id');
    // The rule of SPEC over customers.owner_id itself, not over the mirror.
    const expected = async (owners: number[] | 'all', userId: number) => (await t.db.raw(
      `SELECT id FROM customers c WHERE c.deleted_at IS NULL
          AND (? OR c.owner_id = ANY(?::bigint[]) OR c.in_pool OR EXISTS (SELECT 1 FROM customer_shares s WHERE s.customer_id = c.id AND s.user_id = ?))
        ORDER BY id`, [owners === 'all', owners === 'all' ? [] : owners, userId])).rows.map((row: { id: number }) => row.id);

    expect(await listedIds(t.staffA)).toEqual(await expected([t.staffA.userId], t.staffA.userId));
    expect(await listedIds(t.northManager)).toEqual(await expected(north, t.northManager.userId));
    expect(await listedIds(t.salesManager)).toEqual(await expected(sales, t.salesManager.userId));
    expect(await listedIds(t.admin)).toEqual(await expected('all', t.admin.userId));

    const ownFilter = await t.northManager.call('GET', `/api/customers?limit=1000&ownerId=${t.staffB.userId}`);
    expect(ownFilter.body.rows.map((row: { id: number }) => row.id).sort((a: number, b: number) => a - b))
      .toEqual((await t.db('customers').where({ owner_id: t.staffB.userId }).whereNull('deleted_at').orderBy('id').pluck('id')));
  });

  it('migrates down to the owner index on customers and up again', async () => {
    await inRolledBackTransaction(t.db, async (trx) => {
      await customerOwnerIndex.down(trx);
      expect(await trx('pg_indexes').where({ tablename: 'customers', indexname: 'customers_owner_name' }).count('* as n').first()).toEqual({ n: 1 });
      expect((await trx.raw(`SELECT to_regclass('customer_owners') AS t`)).rows[0].t).toBeNull();
      await customerOwnerIndex.up(trx);
      await expectMirrorExact(trx);
    });
    await expectMirrorExact();
  });
});
