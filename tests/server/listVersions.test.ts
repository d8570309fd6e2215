import { describe, expect, it } from 'vitest';
import type { Actor } from '../../server/access/actor';
import { ListCache } from '../../server/db/listCache';
import { customerList } from '../../server/features/customers/listCustomers';
import { listVersions } from '../../server/migrations/20261203_0027_list_versions';
import { engineListIndexes } from '../../server/migrations/20261203_0028_engine_list_indexes';
import { customerDetailVersion } from '../../server/migrations/20261204_0029_customer_detail_version';
import { opportunitiesCreated } from '../../server/migrations/20261204_0031_opportunities_created';
import { inRolledBackTransaction } from '../support/sideTables';
import { useCompanyApp } from '../support/companyApp';

const t = useCompanyApp();
type CustomerVersions = Extract<typeof customerList.versionedBy, (...args: never[]) => unknown>;
const cache = new ListCache();
const customers = ['crm_list_version'];
const searched = ['crm_list_version_customer_search'];
const details = ['crm_list_version_customer_details'];
const activities = ['crm_list_version', 'crm_list_version_activities'];

describe('lists versioned per table (migration 0027)', () => {
  it('an activity write changes the activity lists\' version and leaves the customer lists\' alone', async () => {
    const customer = (await t.staffA.call('POST', '/api/customers', { name: 'Phiên bản danh sách' })).body;
    const customerId = customer.id;
    const [customersBefore, activitiesBefore] = [await cache.version(t.db, customers), await cache.version(t.db, activities)];
    const created = await t.staffA.call('POST', '/api/activities', { customerId, subject: 'Gọi lại', status: 'not_started', date: '2026-12-03', type: 'call' });
    expect(created.status).toBe(201);
    expect(await cache.version(t.db, customers)).toBe(customersBefore);
    const activitiesAfter = await cache.version(t.db, activities);
    expect(activitiesAfter).not.toBe(activitiesBefore);
    // A customer write changes both: activity rows show the customer's name and follow its access.
    expect((await t.staffA.call('PATCH', `/api/customers/${customerId}`, { name: 'Phiên bản danh sách 2', version: customer.version })).status).toBe(200);
    expect(await cache.version(t.db, customers)).not.toBe(customersBefore);
    expect(await cache.version(t.db, activities)).not.toBe(activitiesAfter);
  });

  it('orders activities by crm_activity_due: open by date, then done newest first', async () => {
    const { rows } = await t.db.raw(`SELECT crm_activity_due(s, d::date) AS due FROM (VALUES ('not_started', '1999-12-31'), ('in_progress', '2026-12-03'), ('done', '2030-01-01'), ('done', '2026-12-03')) AS v(s, d)`);
    const due = rows.map((row: { due: number }) => row.due);
    expect(due).toEqual([...due].sort((a, b) => a - b));
  });

  it('an edit of detail columns only changes the lists that search, filter or sort by them (migration 0029)', async () => {
    const customer = (await t.staffA.call('POST', '/api/customers', { name: 'Chi tiết phiên bản' })).body;
    const phone = '0987001122';
    const searchPath = `/api/customers?search=${phone}`;
    expect((await t.staffA.call('GET', searchPath)).body.total).toBe(0);
    expect((await t.staffA.call('GET', '/api/customers?sort=updatedAt:desc&limit=1')).body.rows[0].id).toBe(customer.id);
    const other = (await t.staffA.call('POST', '/api/customers', { name: 'Chi tiết phiên bản khác' })).body;
    const [listsBefore, searchedBefore] = [await cache.version(t.db, customers), await cache.version(t.db, searched)];
    const detailsBefore = await cache.version(t.db, details);

    // An address is not searched: searches keep their lists.
    const moved = await t.staffA.call('PATCH', `/api/customers/${customer.id}`, { address: '12 Lý Thái Tổ', version: customer.version });
    expect(moved.status).toBe(200);
    expect(await cache.version(t.db, searched)).toBe(searchedBefore);
    expect(await cache.version(t.db, details)).not.toBe(detailsBefore);
    expect((await t.staffA.call('GET', '/api/customers?address=L%C3%BD%20Th%C3%A1i&sort=address:asc')).body.rows.map((row: { id: number }) => row.id)).toEqual([customer.id]);

    const saved = await t.staffA.call('PATCH', `/api/customers/${customer.id}`, { phone, version: moved.body.version });
    expect(saved.status).toBe(200);
    expect(await cache.version(t.db, customers)).toBe(listsBefore);
    expect(await cache.version(t.db, searched)).not.toBe(searchedBefore);
    // The lists that follow the details see the edit at once.
    expect((await t.staffA.call('GET', searchPath)).body.total).toBe(1);
    expect((await t.staffA.call('GET', '/api/customers?sort=updatedAt:desc&limit=1')).body.rows[0].id).toBe(customer.id);
    expect(other.id).not.toBe(customer.id);

    // A listed column (the name) changes every customer list.
    expect((await t.staffA.call('PATCH', `/api/customers/${customer.id}`, { name: 'Chi tiết phiên bản mới', version: saved.body.version })).status).toBe(200);
    expect(await cache.version(t.db, customers)).not.toBe(listsBefore);
  });

  it("a staff member's searches follow their own customers' edits and shared ones, not other owners'", async () => {
    const ofA = (await t.staffA.call('POST', '/api/customers', { name: 'Khách của A' })).body;
    const ofB = (await t.staffB.call('POST', '/api/customers', { name: 'Khách của B' })).body;
    const searchB = async () => (await t.staffB.call('GET', '/api/customers?search=0912')).body;
    const bBefore = await searchB();
    const staffB: Actor = { id: t.staffB.userId, username: 'b', fullName: 'B', role: 'staff', departmentId: null, departmentPath: null };
    const bVersion = () => cache.version(t.db, (customerList.versionedBy as CustomerVersions)(t.db, staffB, { search: '0912' }, []));
    const bVersionBefore = await bVersion();
    const managerSearch = `/api/customers?search=0912`;
    const managerBefore = (await t.salesManager.call('GET', managerSearch)).body.total;

    // A's edit does not move B's search version: B's cached search stays (and is still right).
    const savedA = await t.staffA.call('PATCH', `/api/customers/${ofA.id}`, { phone: '0912000001', version: ofA.version });
    expect(savedA.status).toBe(200);
    expect(await bVersion()).toBe(bVersionBefore);
    expect(await searchB()).toEqual(bBefore);
    expect((await t.salesManager.call('GET', managerSearch)).body.total).toBe(managerBefore + 1);
    // B's own edit shows in B's search at once.
    expect((await t.staffB.call('PATCH', `/api/customers/${ofB.id}`, { phone: '0912000002', version: ofB.version })).status).toBe(200);
    expect(await bVersion()).not.toBe(bVersionBefore);
    expect((await searchB()).total).toBe(bBefore.total + 1);
    // A customer shared with B: A's edit of it changes B's lists too.
    await t.db('customer_shares').insert({ customer_id: ofA.id, user_id: t.staffB.userId, source: 'share', info_types: ['general'] });
    const sharedBefore = (await searchB()).total;
    expect((await t.staffA.call('PATCH', `/api/customers/${ofA.id}`, { phone: '0999000001', version: savedA.body.version })).status).toBe(200);
    expect((await searchB()).total).toBe(sharedBefore - 1);
  });

  it('a statement over more than 1,000 customers bumps the list version without comparing rows', async () => {
    await inRolledBackTransaction(t.db, async (trx) => {
      await trx.raw(`INSERT INTO customers (code, name) SELECT 'PV' || g, 'Khách ' || g FROM generate_series(1, 1001) AS g`);
      const before = await cache.version(trx, customers);
      await trx.raw(`UPDATE customers SET phone = '0900000000' WHERE code LIKE 'PV%'`);
      expect(await cache.version(trx, customers)).not.toBe(before);
      const [few] = [await cache.version(trx, customers)];
      await trx.raw(`UPDATE customers SET phone = '0900000001' WHERE code IN ('PV1', 'PV2')`);
      expect(await cache.version(trx, customers)).toBe(few);
    });
  });

  it('migrates down and up again (0027, 0028, 0029, 0031)', async () => {
    await inRolledBackTransaction(t.db, async (trx) => {
      await opportunitiesCreated.down(trx);
      expect((await trx.raw(`SELECT to_regclass('opportunities_created') AS s`)).rows[0].s).toBeNull();
      await customerDetailVersion.down(trx);
      expect((await trx.raw(`SELECT to_regclass('crm_list_version_customer_search') AS s`)).rows[0].s).toBeNull();
      await engineListIndexes.down(trx);
      await listVersions.down(trx);
      expect((await trx.raw(`SELECT to_regclass('crm_list_version_activities') AS s`)).rows[0].s).toBeNull();
      await listVersions.up(trx);
      await engineListIndexes.up(trx);
      await customerDetailVersion.up(trx);
      await opportunitiesCreated.up(trx);
      expect((await trx.raw(`SELECT to_regclass('activities_due') AS s`)).rows[0].s).toBe('activities_due');
    });
  });
});
