import { describe, expect, it } from 'vitest';
import { ListCache } from '../../server/db/listCache';
import { listVersions } from '../../server/migrations/20261203_0027_list_versions';
import { engineListIndexes } from '../../server/migrations/20261203_0028_engine_list_indexes';
import { inRolledBackTransaction } from '../support/sideTables';
import { useCompanyApp } from '../support/companyApp';

const t = useCompanyApp();
const cache = new ListCache();
const customers = ['crm_list_version'];
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
    expect((await t.staffA.call('PATCH', `/api/customers/${customerId}`, { phone: '0901234567', version: customer.version })).status).toBe(200);
    expect(await cache.version(t.db, customers)).not.toBe(customersBefore);
    expect(await cache.version(t.db, activities)).not.toBe(activitiesAfter);
  });

  it('orders activities by crm_activity_due: open by date, then done newest first', async () => {
    const { rows } = await t.db.raw(`SELECT crm_activity_due(s, d::date) AS due FROM (VALUES ('not_started', '1999-12-31'), ('in_progress', '2026-12-03'), ('done', '2030-01-01'), ('done', '2026-12-03')) AS v(s, d)`);
    const due = rows.map((row: { due: number }) => row.due);
    expect(due).toEqual([...due].sort((a, b) => a - b));
  });

  it('migrates down and up again (0027, 0028)', async () => {
    await inRolledBackTransaction(t.db, async (trx) => {
      await engineListIndexes.down(trx);
      await listVersions.down(trx);
      expect((await trx.raw(`SELECT to_regclass('crm_list_version_activities') AS s`)).rows[0].s).toBeNull();
      await listVersions.up(trx);
      await engineListIndexes.up(trx);
      expect((await trx.raw(`SELECT to_regclass('activities_due') AS s`)).rows[0].s).toBe('activities_due');
    });
  });
});
