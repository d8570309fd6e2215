import { describe, expect, it } from 'vitest';
import { userActor } from '../../server/access/userActor';
import type { Db } from '../../server/db/database';
import { massUpdateCustomers } from '../../server/features/customers/massUpdate';
import { customerKeys } from '../../server/migrations/20261202_0018_customer_keys';
import { customerKeysName } from '../../server/migrations/20261202_0019_customer_keys_name';
import { useCompanyApp } from '../support/companyApp';
import { customerUpdates, expectSideTableExact, inRolledBackTransaction } from '../support/sideTables';
import { insertCustomers } from './ownershipFixtures';

const t = useCompanyApp();

/** customer_keys must hold exactly its rows of `customers`. */
const expectKeysExact = (db: Db = t.db) => expectSideTableExact(db, 'customer_keys', `SELECT id AS customer_id, type_id, care_status, name FROM customers WHERE deleted_at IS NULL`);

describe('customer_keys: the index of customers.type_id and care_status (then name), kept by statement triggers', () => {
  it('follows inserts, edits, mass updates, the recycle bin (delete, restore), mixed multi-row updates and deletes', async () => {
    const type = (await t.admin.call('POST', '/api/customer-types', { name: 'Loại gương' })).body;
    const created = await t.staffA.call('POST', '/api/customers', { name: 'Khóa 1', typeId: type.id, careStatus: 'Đang chăm sóc' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const ids = await insertCustomers(t.db, t.staffA.userId, ['Khóa 2', 'Khóa 3', 'Khóa 4']);
    await expectKeysExact();

    const edited = await t.staffA.call('PATCH', `/api/customers/${created.body.id}`, { version: created.body.version, typeId: null, careStatus: 'Đã mua hàng' });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    await expectKeysExact();
    const renamed = await t.staffA.call('PATCH', `/api/customers/${created.body.id}`, { version: edited.body.version, name: 'Khóa 1 mới' });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    await expectKeysExact();
    expect((await t.staffA.call('POST', '/api/customers/mass-update', { customerIds: ids, typeId: type.id, careStatus: 'Chờ phản hồi' })).status).toBe(200);
    await expectKeysExact();

    expect((await t.staffA.call('DELETE', `/api/customers/${ids[0]}`)).status).toBe(200);
    await expectKeysExact();
    expect(await t.db('customer_keys').where({ customer_id: ids[0] }).first()).toBeUndefined();
    expect((await t.staffA.call('POST', `/api/customers/${ids[0]}/restore`)).status).toBe(200);
    await expectKeysExact();

    // One statement: one row changes type, one its care status only, one is deleted, one only scores.
    await t.db.raw(`UPDATE customers SET score = score + 1,
                      type_id = CASE WHEN id = ? THEN NULL ELSE type_id END,
                      care_status = CASE WHEN id = ? THEN 'Đang chăm sóc' ELSE care_status END,
                      deleted_at = CASE WHEN id = ? THEN now() ELSE deleted_at END
                    WHERE id = ANY(?::bigint[])`, [ids[0], ids[1], ids[2], [...ids, created.body.id]]);
    await expectKeysExact();
    await t.db('customers').whereIn('id', ids).delete();
    await expectKeysExact();
    expect(await t.db('customer_keys').whereIn('customer_id', ids).count('* as n').first()).toEqual({ n: 0 });
  });

  it('empties with TRUNCATE customers', async () => {
    await inRolledBackTransaction(t.db, async (trx) => {
      await trx.raw('TRUNCATE customers CASCADE');
      expect(await trx('customer_keys').count('* as n').first()).toEqual({ n: 0 });
    });
  });

  it('keeps a mass update of care status, type, tags and address a HOT update (nothing indexes those columns)', async () => {
    const type = (await t.admin.call('POST', '/api/customer-types', { name: 'Loại HOT' })).body;
    // Every tenth customer changes, so each page has room (fillfactor 80) for its new row versions.
    const ids = await insertCustomers(t.db, t.staffA.userId, Array.from({ length: 500 }, (_, i) => `Hàng loạt HOT ${String(i).padStart(3, '0')}`));
    const changing = ids.filter((_, i) => i % 10 === 0);
    const indexes = await t.db('pg_indexes').where({ tablename: 'customers' }).pluck('indexdef');
    expect(indexes.filter((definition: string) => /\b(type_id|care_status|tags|address|owner_id)\b/.test(definition))).toEqual([]);

    const { before, after } = await t.db.transaction(async (trx) => {
      const actor = (await userActor(trx, t.staffA.userId))!;
      const counted = await customerUpdates(trx);
      const result = await massUpdateCustomers(trx, actor, {
        customerIds: changing, careStatus: 'Đang chăm sóc', typeId: type.id, addTags: ['hot'], address: '2 Hàng Bài',
      });
      expect(result.updated).toBe(changing.length);
      return { before: counted, after: await customerUpdates(trx) };
    });
    const updated = after.updated - before.updated;
    const hot = after.hot - before.hot;
    expect(updated).toBeGreaterThanOrEqual(changing.length);
    expect(hot / updated, JSON.stringify({ updated, hot })).toBeGreaterThanOrEqual(0.9);
    await expectKeysExact();
  });

  it('counts a type\'s and a care status\'s live customers in the managed lists', async () => {
    const type = (await t.admin.call('POST', '/api/customer-types', { name: 'Loại đếm' })).body;
    await insertCustomers(t.db, t.staffA.userId, ['Đếm 1', 'Đếm 2'], { type_id: type.id, care_status: 'Chờ phản hồi' });
    await insertCustomers(t.db, t.staffA.userId, ['Đếm đã xóa'], { type_id: type.id, care_status: 'Chờ phản hồi', deleted_at: new Date() });
    const types = (await t.admin.call('GET', '/api/customer-types')).body;
    expect(types.find((row: { id: number }) => row.id === type.id)).toMatchObject({ customerCount: 2 });
    const statuses = (await t.admin.call('GET', '/api/care-statuses')).body;
    expect(statuses.find((row: { name: string }) => row.name === 'Chờ phản hồi').customerCount).toBe(
      Number((await t.db('customers').where({ care_status: 'Chờ phản hồi' }).whereNull('deleted_at').count('* as n').first())!.n));
  });

  it('migrates down to the indexes on customers and up again', async () => {
    await inRolledBackTransaction(t.db, async (trx) => {
      await customerKeysName.down(trx);
      await customerKeys.down(trx);
      expect(await trx('pg_indexes').where({ tablename: 'customers' }).whereIn('indexname', ['customers_type_name', 'customers_care_status_name']).count('* as n').first()).toEqual({ n: 2 });
      expect((await trx.raw(`SELECT to_regclass('customer_keys') AS t`)).rows[0].t).toBeNull();
      await customerKeys.up(trx);
      await customerKeysName.up(trx);
      await expectKeysExact(trx);
    });
    await expectKeysExact();
  });
});
