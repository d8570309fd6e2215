import { describe, expect, it } from 'vitest';
import { useCompanyApp } from '../support/companyApp';
import { departmentShares } from '../../server/migrations/20261202_0016_department_shares';
import { insertCustomers, insertRecord } from './ownershipFixtures';

const t = useCompanyApp();
const share = '/api/customers/share';

/** A customer's share rows: users by id, then departments by id. */
async function shareRows(customerId: number) {
  return t.db('customer_shares').where({ customer_id: customerId }).orderBy(['user_id', 'department_id', 'source']).select('user_id', 'department_id', 'source', 'info_types');
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
    expect(await shareRows(id)).toEqual([{ user_id: t.staffB.userId, department_id: null, source: 'share', info_types: ['general', 'contacts', 'activities'] }]);
    expect((await t.staffB.call('GET', `/api/activities?customerId=${id}`)).body.total).toBe(1);
    const unchanged = await t.staffA.call('POST', share, { customerIds: [id], userIds: [t.staffB.userId], infoTypes: ['general'], mode: 'add' });
    expect(unchanged.body.written).toBe(0);
  });

  it('a department is one row (not one per user); the owner never gets a user row', async () => {
    const ids = await insertCustomers(t.db, t.staffA.userId, ['Chia phòng 1', 'Chia phòng 2']);
    const response = await t.staffA.call('POST', share, {
      customerIds: ids, userIds: [t.staffA.userId], departmentIds: [t.company.departments.north.id], infoTypes: ['general'], mode: 'add',
    });
    // Reached: Lê Quản Lý Bắc, An (the owner, who sees them anyway) and Bình.
    expect(response.body).toEqual({ customers: 2, users: 3, written: 2, removed: 0 });
    for (const id of ids) expect(await shareRows(id)).toEqual([{ user_id: null, department_id: t.company.departments.north.id, source: 'share', info_types: ['general'] }]);
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
      { user_id: t.salesManager.userId, department_id: null, source: 'assigned', info_types: ['general', 'contacts'] },
      { user_id: t.staffC.userId, department_id: null, source: 'share', info_types: ['general', 'quotes'] },
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
      { user_id: t.staffB.userId, department_id: null, source: 'assigned', info_types: ['general'] },
      { user_id: t.staffC.userId, department_id: null, source: 'share', info_types: ['general'] },
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
      [{ customerIds: [id], departmentIds: [999999], infoTypes: ['general'], mode: 'add' }, 'departmentIds'],
      [{ customerIds: [id], departmentIds: ['1; DROP TABLE customers'], infoTypes: ['general'], mode: 'add' }, 'departmentIds'],
    ] as const) {
      const response = await t.staffA.call('POST', share, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(String(response.body.error.field), JSON.stringify(body)).toMatch(new RegExp(`^${field}`));
    }
    expect(await shareRows(id)).toEqual([]);
  });
});

describe('O2 share with a department: whoever is in it or under it sees the customer', () => {
  const departments = () => t.company.departments;

  it('reaches users of its subdepartments, read-only and only the shared types; not users outside it', async () => {
    const [wide, north] = await insertCustomers(t.db, t.staffA.userId, ['Chia cả Kinh doanh', 'Chia miền Bắc']);
    await insertRecord(t.db, 'activities', wide, t.staffA.userId);
    await insertRecord(t.db, 'quotes', wide, t.staffA.userId);
    expect((await t.staffA.call('POST', share, { customerIds: [wide], departmentIds: [departments().sales.id], infoTypes: ['general', 'activities'], mode: 'add' })).body)
      .toEqual({ customers: 1, users: 5, written: 1, removed: 0 });
    expect((await t.staffA.call('POST', share, { customerIds: [north], departmentIds: [departments().north.id], infoTypes: ['general'], mode: 'add' })).status).toBe(200);

    // Cường is in Kinh doanh miền Nam, under Kinh doanh.
    const seen = await t.staffC.call('GET', `/api/customers/${wide}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ access: 'read', infoTypes: ['general', 'activities'] });
    expect((await t.staffC.call('PATCH', `/api/customers/${wide}`, { version: seen.body.version, phone: '0281234567' })).status).toBe(403);
    expect((await t.staffC.call('GET', `/api/activities?customerId=${wide}`)).body.total).toBe(1);
    expect((await t.staffC.call('GET', `/api/quotes?customerId=${wide}`)).body.total).toBe(0);
    const listed = await t.staffC.call('GET', `/api/customers?search=${encodeURIComponent('Chia cả Kinh doanh')}`);
    expect(listed.body.rows.map((row: { id: number }) => row.id)).toEqual([wide]);
    // Kinh doanh miền Bắc is not above Cường's department; the manager of Kinh doanh is above it.
    expect((await t.staffC.call('GET', `/api/customers/${north}`)).status).toBe(404);
    expect((await t.staffB.call('GET', `/api/customers/${north}`)).body).toMatchObject({ access: 'read', infoTypes: ['general'] });
  });

  it('a user row and a department row add up to the union of their types', async () => {
    const [id] = await insertCustomers(t.db, t.staffA.userId, ['Chia hai đường']);
    await t.staffA.call('POST', share, { customerIds: [id], userIds: [t.staffB.userId], infoTypes: ['contacts'], mode: 'add' });
    await t.staffA.call('POST', share, { customerIds: [id], departmentIds: [departments().north.id], infoTypes: ['general', 'orders'], mode: 'add' });
    expect((await t.staffB.call('GET', `/api/customers/${id}`)).body.infoTypes).toEqual(['general', 'contacts', 'orders']);
    expect((await t.northManager.call('GET', `/api/customers/${id}`)).body.access).toBe('edit');
  });

  it('stops reaching a user who moves to another department, and reaches them again when they come back', async () => {
    const [id] = await insertCustomers(t.db, t.staffA.userId, ['Chia rồi chuyển phòng']);
    await t.staffA.call('POST', share, { customerIds: [id], departmentIds: [departments().north.id], infoTypes: ['general'], mode: 'add' });
    expect((await t.staffB.call('GET', `/api/customers/${id}`)).status).toBe(200);
    const listed = async () => (await t.staffB.call('GET', `/api/customers?search=${encodeURIComponent('Chia rồi chuyển phòng')}`)).body.total;
    expect(await listed()).toBe(1);
    try {
      expect((await t.admin.call('PATCH', `/api/users/${t.staffB.userId}`, { departmentId: departments().south.id })).status).toBe(200);
      expect((await t.staffB.call('GET', `/api/customers/${id}`)).status).toBe(404);
      expect(await listed()).toBe(0);
    } finally {
      expect((await t.admin.call('PATCH', `/api/users/${t.staffB.userId}`, { departmentId: departments().north.id })).status).toBe(200);
    }
    expect((await t.staffB.call('GET', `/api/customers/${id}`)).status).toBe(200);
  });

  it('add, replace and remove a mix of users and departments; Giao cho stays', async () => {
    const [id] = await insertCustomers(t.db, t.staffA.userId, ['Chia hỗn hợp']);
    await t.db('customer_shares').insert([
      { customer_id: id, user_id: t.staffB.userId, source: 'share', info_types: ['general'] },
      { customer_id: id, department_id: departments().south.id, source: 'share', info_types: ['general', 'contacts'] },
      { customer_id: id, user_id: t.salesManager.userId, source: 'assigned', info_types: ['general'] },
    ]);
    const user = (userId: number, infoTypes: string[], source = 'share') => ({ user_id: userId, department_id: null, source, info_types: infoTypes });
    const department = (departmentId: number, infoTypes: string[]) => ({ user_id: null, department_id: departmentId, source: 'share', info_types: infoTypes });
    const byUser = (rows: { user_id: number | null }[]) => [...rows].sort((x, y) => (x.user_id ?? Infinity) - (y.user_id ?? Infinity));

    const added = await t.staffA.call('POST', share, {
      customerIds: [id], userIds: [t.staffC.userId, t.staffA.userId], departmentIds: [departments().north.id, departments().south.id], infoTypes: ['activities'], mode: 'add',
    });
    expect(added.body).toEqual({ customers: 1, users: 4, written: 3, removed: 0 });
    expect(await shareRows(id)).toEqual([
      ...byUser([user(t.staffB.userId, ['general']), user(t.salesManager.userId, ['general'], 'assigned'), user(t.staffC.userId, ['activities'])]),
      ...[department(departments().north.id, ['activities']), department(departments().south.id, ['general', 'contacts', 'activities'])]
        .sort((x, y) => x.department_id - y.department_id),
    ]);

    const replaced = await t.staffA.call('POST', share, {
      customerIds: [id], userIds: [t.staffB.userId], departmentIds: [departments().south.id], infoTypes: ['general', 'quotes'], mode: 'replace',
    });
    expect(replaced.body).toEqual({ customers: 1, users: 2, written: 2, removed: 2 });
    expect(await shareRows(id)).toEqual([
      ...byUser([user(t.staffB.userId, ['general', 'quotes']), user(t.salesManager.userId, ['general'], 'assigned')]),
      department(departments().south.id, ['general', 'quotes']),
    ]);

    const removed = await t.staffA.call('POST', share, { customerIds: [id], userIds: [t.staffB.userId], departmentIds: [departments().south.id], infoTypes: ['general'], mode: 'remove' });
    expect(removed.body).toEqual({ customers: 1, users: 2, written: 0, removed: 2 });
    expect(await shareRows(id)).toEqual([user(t.salesManager.userId, ['general'], 'assigned')]);
  });

  it('notifies each newly reached user once with their number of customers (not the actor, not owners); a repeat changes nothing', async () => {
    const ofAn = await insertCustomers(t.db, t.staffA.userId, ['Báo phòng 1', 'Báo phòng 2']);
    const ofBinh = await insertCustomers(t.db, t.staffB.userId, ['Báo phòng 3']);
    const ids = [...ofAn, ...ofBinh];
    const body = { customerIds: ids, userIds: [t.staffC.userId], departmentIds: [departments().sales.id, departments().north.id], infoTypes: ['general'], mode: 'add' };
    const since = new Date();
    const first = await t.northManager.call('POST', share, body);
    expect(first.body).toEqual({ customers: 3, users: 5, written: 9, removed: 0 });
    const notices = async () => (await t.db('notifications').where({ kind: 'customers_shared' }).where('created_at', '>=', since).orderBy('user_id').select('user_id', 'data'))
      .map((notice) => [notice.user_id, notice.data.count]);
    // Cường through his user row and Kinh doanh (once per customer); An and Bình not for their own customers.
    expect(await notices()).toEqual([[t.salesManager.userId, 3], [t.staffA.userId, 1], [t.staffB.userId, 2], [t.staffC.userId, 3]].sort((x, y) => x[0] - y[0]));

    const before = await t.db('customer_shares').whereIn('customer_id', ids).orderBy(['customer_id', 'user_id', 'department_id']).select();
    const again = await t.northManager.call('POST', share, body);
    expect(again.body).toEqual({ customers: 3, users: 5, written: 0, removed: 0 });
    expect(await t.db('customer_shares').whereIn('customer_id', ids).orderBy(['customer_id', 'user_id', 'department_id']).select()).toEqual(before);
    expect((await notices()).length).toBe(4);
  });

  it('lists a department share once per active user it reaches (not the owner), naming the department, as SPEC answers per user', async () => {
    const [id] = await insertCustomers(t.db, t.staffA.userId, ['Chia phòng xem tab']);
    await t.staffA.call('POST', share, { customerIds: [id], userIds: [t.staffC.userId], departmentIds: [departments().sales.id], infoTypes: ['general', 'contacts'], mode: 'add' });
    const response = await t.staffA.call('GET', `/api/customers/${id}/shares`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const { path } = await t.db('departments').where({ id: departments().sales.id }).first('path');
    const reached = await t.db('users as u').join('departments as d', 'd.id', 'u.department_id')
      .where('u.active', true).whereNot('u.id', t.staffA.userId).whereLike('d.path', `${path}%`).pluck('u.id');
    expect(reached.length).toBeGreaterThan(1);
    // Users by name (Vietnamese collation, as the server sorts), a direct share before one through a department.
    const users = await t.db('users').whereIn('id', [...reached, t.staffC.userId]).orderBy(['full_name', 'id']).select('id', 'full_name');
    const expected = users.flatMap((user) => [
      ...(user.id === t.staffC.userId ? [[user.id, user.full_name, null, 'share', ['general', 'contacts']]] : []),
      ...(reached.includes(user.id) ? [[user.id, user.full_name, 'Kinh doanh', 'share', ['general', 'contacts']]] : []),
    ]);
    expect(response.body.map((entry: Record<string, unknown>) => [entry.userId, entry.userName, entry.departmentName, entry.source, entry.infoTypes])).toEqual(expected);
    expect(response.body.every((entry: Record<string, unknown>) => entry.sharedByName === 'Nguyễn Văn An')).toBe(true);
  });

  it('migrates down to one row per active user of the department subtree (not the owner, types merged) and up again', async () => {
    const [id] = await insertCustomers(t.db, t.staffA.userId, ['Chia phòng di chuyển']);
    await t.db('customer_shares').insert([
      { customer_id: id, user_id: t.staffB.userId, source: 'share', info_types: ['contacts'] },
      { customer_id: id, department_id: departments().north.id, source: 'share', info_types: ['general'] },
      { customer_id: id, department_id: departments().sales.id, source: 'share', info_types: ['orders'] },
    ]);
    const rolledBack = new Error('rolled back');
    await t.db.transaction(async (trx) => {
      await departmentShares.down(trx);
      expect(await trx('customer_shares').where({ customer_id: id }).orderBy('user_id').select('user_id', 'info_types')).toEqual([
        { user_id: t.salesManager.userId, info_types: ['orders'] },
        { user_id: t.northManager.userId, info_types: ['general', 'orders'] },
        { user_id: t.staffB.userId, info_types: ['general', 'contacts', 'orders'] },
        { user_id: t.staffC.userId, info_types: ['orders'] },
      ].sort((x, y) => x.user_id - y.user_id));
      await departmentShares.up(trx);
      throw rolledBack;
    }).catch((error) => { if (error !== rolledBack) throw error; });
    expect(await shareRows(id)).toHaveLength(3);
  });
});
