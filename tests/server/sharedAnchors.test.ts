import { describe, expect, it, vi } from 'vitest';
import { userActor } from '../../server/access/userActor';
import { listAnchorSets } from '../../server/migrations/20261204_0030_list_anchor_sets';
import { sharedAnchors } from '../../server/list/sharedAnchors';
import { inRolledBackTransaction } from '../support/sideTables';
import { useCompanyApp } from '../support/companyApp';

const t = useCompanyApp();

describe('anchors shared by server processes (migration 0030)', () => {
  it('a deep block stores its list\'s anchors at the list version for the other processes', async () => {
    const response = await t.admin.call('GET', '/api/customers?sort=createdAt:desc&offset=100&limit=100');
    expect(response.status).toBe(200);
    await expect.poll(async () => (await t.db('list_anchor_sets').where('key', 'like', 'customers|anchors|admin|%').pluck('key')).join(' '))
      .toContain('createdAt');
  });

  it('uses anchors another process stored at the same version, builds and stores them otherwise', async () => {
    const stored = { anchors: [['Công ty A', 1], ['Công ty B', 7]], last: ['Công ty B', 9] };
    await t.db('list_anchor_sets').insert({ key: 'test|anchors', version: '5:true', anchors: JSON.stringify(stored) });
    const built = { anchors: [['Công ty C', 9]], last: ['Công ty C', 9] };
    const build = vi.fn(async () => built);
    expect(await sharedAnchors(t.db, 'test|anchors', '5:true', build)).toEqual(stored);
    expect(build).not.toHaveBeenCalled();

    expect(await sharedAnchors(t.db, 'test|anchors', '6:true', build)).toEqual(built);
    expect(build).toHaveBeenCalledTimes(1);
    await expect.poll(async () => (await t.db('list_anchor_sets').where({ key: 'test|anchors' }).first('version', 'anchors')))
      .toEqual({ version: '6:true', anchors: built });
  });

  it('a process that never built a list uses the anchors another stored a few writes ago, then builds its own', async () => {
    for (let n = 0; n < 450; n++) await t.db('customers').insert({ name: `Neo ${n}`, owner_id: t.staffA.userId });
    // Code order: the first test built the reverse of creation order, whose anchors would serve it.
    const path = '/api/customers?sort=code:asc&offset=300&limit=100';
    const expected = (await t.admin.call('GET', path)).body.rows.map((row: { id: number }) => row.id);
    // Stored in the background.
    let key: string | undefined;
    await expect.poll(async () => (key = (await t.db('list_anchor_sets').where('key', 'like', 'customers|anchors|admin|{}|code:asc%').first('key'))?.key)).toBeDefined();
    // A write moves the version on; the stored anchors are tampered with so that using them shows.
    const stored: { version: string; anchors: { anchors: unknown[][] } } = await t.db('list_anchor_sets').where({ key }).first('version', 'anchors');
    stored.anchors.anchors[3] = stored.anchors.anchors[2];
    await t.db('list_anchor_sets').where({ key }).update({ anchors: JSON.stringify(stored.anchors) });
    expect((await t.admin.call('POST', '/api/customers', { name: 'Neo mới' })).status).toBe(201);

    // Another process: the engine's module afresh, with empty caches.
    vi.resetModules();
    const { listCustomers } = await import('../../server/features/customers/listCustomers');
    const admin = (await userActor(t.db, t.admin.userId))!;
    const page = async () => (await listCustomers(t.db, admin, { sort: 'code:asc', offset: 300, limit: 100 })).rows.map((row) => row.id);
    expect(await page()).not.toEqual(expected);
    await expect.poll(page).toEqual(expected);
    await expect.poll(async () => (await t.db('list_anchor_sets').where({ key }).first('version')).version).not.toBe(stored.version);
  });

  it('inside a caller\'s transaction it reads but does not write', async () => {
    await t.db.transaction(async (trx) => {
      const set = { anchors: [[1]], last: [1] };
      expect(await sharedAnchors(trx, 'test|in-transaction', '1:true', async () => set)).toEqual(set);
    });
    // Stores run in the background: give one the time it would take.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await t.db('list_anchor_sets').where({ key: 'test|in-transaction' }).first()).toBeUndefined();
  });

  it('the admins\' customer and activity lists are built at server start, one direction of each order', async () => {
    await t.db('list_anchor_sets').delete();
    vi.resetModules();
    const { warmAdminLists } = await import('../../server/features/warmAdminLists');
    await warmAdminLists(t.db);
    const stored = async () => (await t.db('list_anchor_sets').pluck('key')).map((key: string) => { const parts = key.split('|'); return `${parts[0]} ${parts.at(-1)}`; }).sort();
    await expect.poll(stored).toHaveLength(12);
    expect(await stored()).toEqual([
      'activities customerName:asc,id:asc', 'activities date:asc,id:asc', 'activities due:asc,id:asc', 'activities ownerName:asc,id:asc',
      'activities status:asc,id:asc', 'activities subject:asc,id:asc', 'activities type:asc,id:asc',
      'customers code:asc', 'customers createdAt:asc,id:asc', 'customers name:asc,id:asc', 'customers score:asc,id:asc', 'customers updatedAt:asc,id:asc',
    ]);
    // A second start adopts them and builds nothing.
    vi.resetModules();
    const again = await import('../../server/features/warmAdminLists');
    const before = await t.db('list_anchor_sets').max('built_at as at').first();
    await again.warmAdminLists(t.db);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await t.db('list_anchor_sets').max('built_at as at').first()).toEqual(before);
  });

  it('migrates down and up again', async () => {
    await inRolledBackTransaction(t.db, async (trx) => {
      await listAnchorSets.down(trx);
      expect((await trx.raw(`SELECT to_regclass('list_anchor_sets') AS s`)).rows[0].s).toBeNull();
      await listAnchorSets.up(trx);
    });
  });
});
