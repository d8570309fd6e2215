import { describe, expect, it } from 'vitest';
import { useCompanyApp } from '../support/companyApp';
import { insertCustomers, insertRecord } from './ownershipFixtures';

const t = useCompanyApp();
const share = '/api/customers/share';

async function shareRows(customerId: number) {
  return t.db('customer_shares').where({ customer_id: customerId }).orderBy(['user_id', 'source']).select('user_id', 'source', 'info_types');
}

describe('O2 share customers', () => {
  it('add: owners share read-only with the chosen info types; a second add merges types', async () => {
    const [id] = await insertCustomers(t.db, t.staffA.userId, ['Chia sẻ thêm']);
    await insertRecord(t.db, 'activities', id, t.staffA.userId);
    const first = await t.staffA.call('POST', share, { customerIds: [id], userIds: [t.staffB.userId], infoTypes: ['contacts', 'general'], mode: 'add' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toEqual({ customers: 1, users: 1, written: 1, removed: 0 });

    const seen = await t.staffB.call('GET', `/api/customers/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ access: 'read', infoTypes: ['general', 'contacts'] });
    expect((await t.staffB.call('PATCH', `/api/customers/${id}`, { version: seen.body.version, phone: '0281234567' })).status).toBe(403);
    expect((await t.staffB.call('GET', `/api/activities?customerId=${id}`)).body.total).toBe(0);
    expect((await t.staffA.call('GET', `/api/activities?customerId=${id}`)).body.total).toBe(1);
    expect((await t.staffC.call('GET', `/api/customers/${id}`)).status).toBe(404);

    const again = await t.staffA.call('POST', share, { customerIds: [id], userIds: [t.staffB.userId], infoTypes: ['activities', 'general'], mode: 'add' });
    expect(again.body).toEqual({ customers: 1, users: 1, written: 1, removed: 0 });
    expect(await shareRows(id)).toEqual([{ user_id: t.staffB.userId, source: 'share', info_types: ['general', 'contacts', 'activities'] }]);
    expect((await t.staffB.call('GET', `/api/activities?customerId=${id}`)).body.total).toBe(1);
    const unchanged = await t.staffA.call('POST', share, { customerIds: [id], userIds: [t.staffB.userId], infoTypes: ['general'], mode: 'add' });
    expect(unchanged.body.written).toBe(0);
  });

  it('departments expand, and a customer is never shared with its own owner', async () => {
    const ids = await insertCustomers(t.db, t.staffA.userId, ['Chia phòng 1', 'Chia phòng 2']);
    const response = await t.staffA.call('POST', share, { customerIds: ids, departmentIds: [t.company.departments.north.id], infoTypes: ['general'], mode: 'add' });
    expect(response.body).toEqual({ customers: 2, users: 3, written: 4, removed: 0 });
    for (const id of ids) expect((await shareRows(id)).map((row) => row.user_id).sort()).toEqual([t.staffB.userId, t.northManager.userId].sort());
  });

  it('replace: the chosen users become the only "share" users with exactly those types; Giao cho is untouched', async () => {
    const [id] = await insertCustomers(t.db, t.staffA.userId, ['Chuyển chia sẻ']);
    await t.db('customer_shares').insert([
      { customer_id: id, user_id: t.staffB.userId, source: 'share', info_types: ['general', 'contacts'] },
      { customer_id: id, user_id: t.staffC.userId, source: 'share', info_types: ['general', 'contracts', 'orders'] },
      { customer_id: id, user_id: t.salesManager.userId, source: 'assigned', info_types: ['general', 'contacts'] },
    ]);
    const response = await t.northManager.call('POST', share, { customerIds: [id], userIds: [t.staffC.userId], infoTypes: ['general', 'quotes'], mode: 'replace' });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toEqual({ customers: 1, users: 1, written: 1, removed: 1 });
    expect(await shareRows(id)).toEqual([
      { user_id: t.salesManager.userId, source: 'assigned', info_types: ['general', 'contacts'] },
      { user_id: t.staffC.userId, source: 'share', info_types: ['general', 'quotes'] },
    ].sort((x, y) => x.user_id - y.user_id));
    expect((await t.staffB.call('GET', `/api/customers/${id}`)).status).toBe(404);
    expect((await t.staffC.call('GET', `/api/customers/${id}`)).body.infoTypes).toEqual(['general', 'quotes']);
  });

  it('remove: those users lose their "share" rows, other reasons stay', async () => {
    const [id] = await insertCustomers(t.db, t.staffA.userId, ['Bỏ chia sẻ']);
    await t.db('customer_shares').insert([
      { customer_id: id, user_id: t.staffB.userId, source: 'share', info_types: ['general'] },
      { customer_id: id, user_id: t.staffB.userId, source: 'assigned', info_types: ['general'] },
      { customer_id: id, user_id: t.staffC.userId, source: 'share', info_types: ['general'] },
    ]);
    const response = await t.staffA.call('POST', share, { customerIds: [id], userIds: [t.staffB.userId], infoTypes: ['general'], mode: 'remove' });
    expect(response.body).toEqual({ customers: 1, users: 1, written: 0, removed: 1 });
    expect(await shareRows(id)).toEqual([
      { user_id: t.staffB.userId, source: 'assigned', info_types: ['general'] },
      { user_id: t.staffC.userId, source: 'share', info_types: ['general'] },
    ]);
  });

  it('needs edit rights on every customer: one read-only or invisible id refuses all', async () => {
    const [mine] = await insertCustomers(t.db, t.staffA.userId, ['Của tôi']);
    const [theirs] = await insertCustomers(t.db, t.staffB.userId, ['Của Bình']);
    const invisible = await t.staffA.call('POST', share, { customerIds: [mine, theirs], userIds: [t.staffC.userId], infoTypes: ['general'], mode: 'add' });
    expect(invisible.status).toBe(404);
    await t.db('customer_shares').insert({ customer_id: theirs, user_id: t.staffA.userId, source: 'share', info_types: ['general'] });
    const readOnly = await t.staffA.call('POST', share, { customerIds: [mine, theirs], userIds: [t.staffC.userId], infoTypes: ['general'], mode: 'add' });
    expect(readOnly.status).toBe(403);
    expect(await t.db('customer_shares').whereIn('customer_id', [mine, theirs]).where({ user_id: t.staffC.userId }).count('* as n').first()).toEqual({ n: 0 });
  });

  it('by filter: every matching customer the caller may edit', async () => {
    const ids = await insertCustomers(t.db, t.staffA.userId, ['Lọc chia sẻ 1', 'Lọc chia sẻ 2', 'Lọc chia sẻ 3']);
    await insertCustomers(t.db, t.staffB.userId, ['Lọc chia sẻ của Bình']);
    const response = await t.staffA.call('POST', share, { filter: { name: 'Lọc chia sẻ' }, excludeIds: [ids[2]], userIds: [t.staffC.userId], infoTypes: ['general'], mode: 'add' });
    expect(response.body).toEqual({ customers: 2, users: 1, written: 2, removed: 0 });
    expect((await t.db('customer_shares').where({ user_id: t.staffC.userId }).whereIn('customer_id', ids).pluck('customer_id')).sort()).toEqual(ids.slice(0, 2));
  });

  it('notifies each newly shared user once and writes one audit row', async () => {
    const ids = await insertCustomers(t.db, t.staffA.userId, ['Báo chia sẻ 1', 'Báo chia sẻ 2', 'Báo chia sẻ 3']);
    const since = new Date();
    await t.staffA.call('POST', share, { customerIds: ids, userIds: [t.staffB.userId, t.staffC.userId], infoTypes: ['general'], mode: 'add' });
    await t.staffA.call('POST', share, { customerIds: ids, userIds: [t.staffB.userId], infoTypes: ['contacts'], mode: 'add' });
    const notices = await t.db('notifications').where({ kind: 'customers_shared' }).where('created_at', '>=', since).orderBy('user_id').select('user_id', 'data', 'title');
    expect(notices.map((n) => [n.user_id, n.data.count])).toEqual([[t.staffB.userId, 3], [t.staffC.userId, 3]].sort((x, y) => x[0] - y[0]));
    expect(notices[0].title).toContain('3 khách hàng');
    const audits = await t.db('audit_log').where({ action: 'share_add', user_id: t.staffA.userId }).where('at', '>=', since).select('entity_ids');
    expect(audits.map((row) => row.entity_ids.map(Number))).toEqual([ids, ids]);
  });

  it('answers hostile input with 400 naming the field', async () => {
    const [id] = await insertCustomers(t.db, t.staffA.userId, ['Đầu vào xấu']);
    for (const [body, field] of [
      [{ customerIds: [id], userIds: [t.staffB.userId], infoTypes: ['secrets'], mode: 'add' }, 'infoTypes'],
      [{ customerIds: [id], userIds: [t.staffB.userId], infoTypes: [], mode: 'add' }, 'infoTypes'],
      [{ customerIds: [id], userIds: [t.staffB.userId], infoTypes: ['general'], mode: 'steal' }, 'mode'],
      [{ customerIds: [id], userIds: [t.staffB.userId], infoTypes: ['general'] }, 'mode'],
      [{ customerIds: [id], userIds: ['1 OR 1=1'], infoTypes: ['general'], mode: 'add' }, 'userIds'],
      [{ customerIds: [id], infoTypes: ['general'], mode: 'add' }, 'userIds'],
      [{ customerIds: [id], userIds: [999999], infoTypes: ['general'], mode: 'add' }, 'userIds'],
    ] as const) {
      const response = await t.staffA.call('POST', share, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(String(response.body.error.field), JSON.stringify(body)).toMatch(new RegExp(`^${field}`));
    }
    expect(await shareRows(id)).toEqual([]);
  });
});
