import { beforeAll, describe, expect, it } from 'vitest';
import { useCompanyApp } from '../support/companyApp';
import { batchNotifications, insertCustomers, insertRecord, ownersOf, visibleRecordIds } from './ownershipFixtures';

const t = useCompanyApp();
const transfer = '/api/customers/transfer-owner';
const preview = '/api/customers/transfer-owner/preview';

async function countAudits(action: string, customerId: number): Promise<number> {
  const [{ n }] = await t.db('audit_log').where({ action }).whereRaw('?::bigint = ANY(entity_ids)', [customerId]).count<{ n: number }[]>('* as n');
  return Number(n);
}

async function countRows(table: string, where: Record<string, unknown> = {}): Promise<number> {
  const [{ n }] = await t.db(table).where(where).count<{ n: number }[]>('* as n');
  return Number(n);
}

describe('O1 transfer owner: who may, to whom', () => {
  it('refuses staff (403) and changes nothing', async () => {
    const [id] = await insertCustomers(t.db, t.staffA.userId, ['Nhân viên không được chuyển']);
    for (const url of [transfer, preview]) {
      const response = await t.staffA.call('POST', url, { customerIds: [id], userIds: [t.staffB.userId] });
      expect(response.status, url).toBe(403);
    }
    expect((await ownersOf(t.db, [id]))[id]).toBe(t.staffA.userId);
  });

  it('splits unevenly in consecutive blocks, in the order given (n=10, k=3 → 4, 3, 3)', async () => {
    const ids = await insertCustomers(t.db, t.staffA.userId, Array.from({ length: 10 }, (_, i) => `Chia đều ${i}`));
    const order = [ids[7], ids[2], ids[9], ids[0], ids[5], ids[1], ids[8], ids[3], ids[6], ids[4]];
    const recipients = [t.staffC.userId, t.staffB.userId, t.northManager.userId];
    const body = { customerIds: order, userIds: recipients, splitEvenly: true };
    const expected = order.map((customerId, i) => ({ customerId, ownerId: recipients[i < 4 ? 0 : i < 7 ? 1 : 2] }));

    const planned = await t.admin.call('POST', preview, body);
    expect(planned.status, JSON.stringify(planned.body)).toBe(200);
    expect(planned.body.assignments).toEqual(expected);
    expect(planned.body.recipients.map((r: { userId: number; count: number }) => [r.userId, r.count])).toEqual([[recipients[0], 4], [recipients[1], 3], [recipients[2], 3]]);
    expect(planned.body.recipients[0].firstCustomers.map((c: { id: number }) => c.id)).toEqual(order.slice(0, 4));
    expect(Object.values(await ownersOf(t.db, ids)).every((owner) => owner === t.staffA.userId)).toBe(true);

    const done = await t.admin.call('POST', transfer, body);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.assignments).toEqual(expected);
    expect(done.body.total).toBe(10);
    const owners = await ownersOf(t.db, ids);
    for (const { customerId, ownerId } of expected) expect(owners[customerId]).toBe(ownerId);
    const moved = await t.db('customers').whereIn('id', ids).select('previous_owner_id', 'version', 'owner_assigned_at');
    for (const row of moved) {
      expect(row.previous_owner_id).toBe(t.staffA.userId);
      expect(row.version).toBe(2);
      expect(Date.now() - row.owner_assigned_at.getTime()).toBeLessThan(60_000);
    }
  });

  it('validates recipients and split, naming the field', async () => {
    const [id] = await insertCustomers(t.db, t.staffA.userId, ['Người nhận sai']);
    const disabled = (await t.admin.call('POST', '/api/users', { username: 'da.nghi', password: 'Staff-Pass-123', fullName: 'Đã Nghỉ', departmentId: t.company.departments.north.id, role: 'staff' })).body;
    await t.admin.call('PATCH', `/api/users/${disabled.id}`, { active: false });
    for (const [body, field] of [
      [{ customerIds: [id], userIds: [t.staffB.userId, t.staffC.userId] }, 'splitEvenly'],
      [{ customerIds: [id], departmentIds: [t.company.departments.north.id] }, 'splitEvenly'],
      [{ customerIds: [id] }, 'userIds'],
      [{ customerIds: [id], userIds: [] }, 'userIds'],
      [{ customerIds: [id], userIds: [disabled.id] }, 'userIds'],
      [{ customerIds: [id], userIds: [987654] }, 'userIds'],
      [{ customerIds: [id], departmentIds: [987654] }, 'departmentIds'],
    ] as const) {
      const response = await t.admin.call('POST', transfer, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.field, JSON.stringify(body)).toBe(field);
    }
    expect((await ownersOf(t.db, [id]))[id]).toBe(t.staffA.userId);
  });

  it('answers hostile input with 400 naming the field', async () => {
    for (const [body, field] of [
      [{ customerIds: ['abc'], userIds: [t.staffB.userId] }, 'customerIds'],
      [{ customerIds: [1, 1], userIds: [t.staffB.userId] }, 'customerIds'],
      [{ customerIds: [1], userIds: [-3] }, 'userIds'],
      [{ customerIds: [1], userIds: [t.staffB.userId], splitEvenly: 'yes' }, 'splitEvenly'],
      [{ filter: {}, sort: 'name:asc;DROP TABLE customers', userIds: [t.staffB.userId] }, 'sort'],
      [{ filter: { ownerId: 'x' }, userIds: [t.staffB.userId] }, 'filter'],
      [{ customerIds: [1], departmentIds: 'all' }, 'departmentIds'],
    ] as const) {
      const response = await t.admin.call('POST', transfer, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(String(response.body.error.field), JSON.stringify(body)).toMatch(new RegExp(`^${field}`));
    }
    expect((await t.admin.call('POST', transfer, { userIds: [t.staffB.userId] })).body.error.field).toBe('customerIds');
  });

  it('refuses the whole request when one customer is not editable, changing nothing', async () => {
    const [mine, theirs] = [...await insertCustomers(t.db, t.staffA.userId, ['Của An ở miền Bắc']), ...await insertCustomers(t.db, t.staffC.userId, ['Của Cường ở miền Nam'])];
    const batches = await countRows('transfer_batches');
    const history = await countRows('ownership_history');
    const response = await t.northManager.call('POST', transfer, { customerIds: [mine, theirs], userIds: [t.staffB.userId] });
    expect(response.status).toBe(404);
    await t.db('customer_shares').insert({ customer_id: theirs, user_id: t.northManager.userId, source: 'share', info_types: ['general'] });
    const readOnly = await t.northManager.call('POST', transfer, { customerIds: [mine, theirs], userIds: [t.staffB.userId] });
    expect(readOnly.status).toBe(403);
    expect(await ownersOf(t.db, [mine, theirs])).toEqual({ [mine]: t.staffA.userId, [theirs]: t.staffC.userId });
    expect(await countRows('transfer_batches')).toBe(batches);
    expect(await countRows('ownership_history')).toBe(history);
  });
});

describe('O1 recipients: departments', () => {
  let centre: { id: number };
  const users: Record<string, number> = {};

  beforeAll(async () => {
    const post = async (url: string, body: unknown) => (await t.admin.call('POST', url, body)).body;
    centre = await post('/api/departments', { name: 'Kinh doanh miền Trung', parentId: t.company.departments.sales.id });
    const hue = await post('/api/departments', { name: 'Chi nhánh Huế', parentId: centre.id });
    for (const [username, fullName, departmentId] of [
      ['dinh', 'Đinh Văn Lâm', centre.id], ['duong', 'Dương Thị Mai', centre.id], ['au', 'Âu Thị Ngọc', centre.id],
      ['bui', 'Bùi Văn Sơn', centre.id], ['an.nghi', 'An Văn Nghỉ', centre.id], ['cao', 'Cao Văn Phú', hue.id],
    ] as const) {
      users[username] = (await post('/api/users', { username, password: 'Staff-Pass-123', fullName, departmentId, role: 'staff' })).id;
    }
    await t.admin.call('PATCH', `/api/users/${users['an.nghi']}`, { active: false });
  });

  it('expands to active users of the subtree by Vietnamese name, after the listed users, without repeats', async () => {
    const ids = await insertCustomers(t.db, t.staffA.userId, Array.from({ length: 7 }, (_, i) => `Miền Trung ${i}`));
    const response = await t.admin.call('POST', preview, {
      customerIds: ids, userIds: [t.staffB.userId, users.duong], departmentIds: [centre.id], splitEvenly: true,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.recipients.map((r: { fullName: string }) => r.fullName)).toEqual([
      'Phạm Thị Bình', 'Dương Thị Mai', 'Âu Thị Ngọc', 'Bùi Văn Sơn', 'Cao Văn Phú', 'Đinh Văn Lâm',
    ]);
    expect(response.body.recipients.map((r: { count: number }) => r.count)).toEqual([2, 1, 1, 1, 1, 1]);
  });

  it('a department with no active user is refused', async () => {
    const empty = (await t.admin.call('POST', '/api/departments', { name: 'Phòng trống' })).body;
    const [id] = await insertCustomers(t.db, t.staffA.userId, ['Không ai nhận']);
    const response = await t.admin.call('POST', transfer, { customerIds: [id], departmentIds: [empty.id] });
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe('departmentIds');
  });
});

describe('O1 selection by filter', () => {
  it('takes every matching customer the caller may edit, in the order of sort, minus excludeIds', async () => {
    const names = ['Lọc Bảo', 'Lọc An', 'Lọc Đức', 'Lọc Dũng', 'Lọc Ánh'];
    const ids = await insertCustomers(t.db, t.staffA.userId, names);
    const [southern] = await insertCustomers(t.db, t.staffC.userId, ['Lọc Cường miền Nam']);
    const byName = Object.fromEntries(names.map((name, i) => [name, ids[i]]));
    const body = {
      filter: { name: 'Lọc' }, sort: 'name:desc', excludeIds: [byName['Lọc Bảo']],
      userIds: [t.staffB.userId, t.northManager.userId], splitEvenly: true,
    };
    const response = await t.northManager.call('POST', transfer, body);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    // Vietnamese order descending: Đức > Dũng > Ánh > An; Bảo excluded; Cường (south) not editable by this manager.
    expect(response.body.assignments).toEqual([
      { customerId: byName['Lọc Đức'], ownerId: t.staffB.userId },
      { customerId: byName['Lọc Dũng'], ownerId: t.staffB.userId },
      { customerId: byName['Lọc Ánh'], ownerId: t.northManager.userId },
      { customerId: byName['Lọc An'], ownerId: t.northManager.userId },
    ]);
    expect((await ownersOf(t.db, [southern, byName['Lọc Bảo']]))).toEqual({ [southern]: t.staffC.userId, [byName['Lọc Bảo']]: t.staffA.userId });
    const listed = await t.admin.call('GET', `/api/customers?batchId=${response.body.batchId}&sort=name:asc`);
    expect(listed.body.rows.map((c: { name: string }) => c.name)).toEqual(['Lọc An', 'Lọc Ánh', 'Lọc Dũng', 'Lọc Đức']);
    expect(listed.body.total).toBe(4);
    const asStaff = await t.staffB.call('GET', `/api/customers?batchId=${response.body.batchId}`);
    expect(asStaff.body.rows.map((c: { name: string }) => c.name)).toEqual(['Lọc Dũng', 'Lọc Đức']);
  });
});

describe('O1 options', () => {
  it('moves exactly the open activities and shares exactly the old records of others; preview counts the same', async () => {
    const [customer] = await insertCustomers(t.db, t.staffA.userId, ['Có lịch sử']);
    const [untouched] = await insertCustomers(t.db, t.staffA.userId, ['Không chuyển']);
    const A = t.staffA.userId;
    const B = t.staffB.userId;
    const openMine = await insertRecord(t.db, 'activities', customer, A, { status: 'not_started' });
    const inProgressMine = await insertRecord(t.db, 'activities', customer, A, { status: 'in_progress' });
    const openOfColleague = await insertRecord(t.db, 'activities', customer, t.northManager.userId, { status: 'in_progress' });
    const openOfRecipient = await insertRecord(t.db, 'activities', customer, B, { status: 'not_started' });
    const done = await insertRecord(t.db, 'activities', customer, A, { status: 'done' });
    await insertRecord(t.db, 'activities', customer, A, { status: 'not_started', deleted_at: new Date() });
    const otherCustomerOpen = await insertRecord(t.db, 'activities', untouched, A, { status: 'not_started' });
    const contract = await insertRecord(t.db, 'contracts', customer, A);
    await insertRecord(t.db, 'contracts', customer, A, { deleted_at: new Date() });
    const quote = await insertRecord(t.db, 'quotes', customer, A);
    await insertRecord(t.db, 'quotes', customer, B);
    const opportunity = await insertRecord(t.db, 'opportunities', customer, A);
    const order = await insertRecord(t.db, 'orders', customer, A);
    const body = {
      customerIds: [customer], userIds: [B], transferOpenActivities: true, shareOldActivities: true, shareOldContracts: true,
      shareOldQuotes: true, shareOldOpportunities: true, shareOldOrders: true,
    };
    const expectedTouches = { openActivities: 3, activities: 1, contracts: 1, quotes: 1, opportunities: 1, orders: 1 };

    const planned = await t.northManager.call('POST', preview, body);
    expect(planned.body.touches).toEqual(expectedTouches);
    const response = await t.northManager.call('POST', transfer, body);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    // The answer counts the open activities it moved; the shared old records were the preview's to count.
    expect(response.body.touches).toEqual({ openActivities: expectedTouches.openActivities });
    const batchId = response.body.batchId;

    const owners = Object.fromEntries((await t.db('activities').whereIn('id', [openMine, inProgressMine, openOfColleague, openOfRecipient, done, otherCustomerOpen]).select('id', 'owner_id')).map((r) => [r.id, r.owner_id]));
    expect(owners).toEqual({ [openMine]: B, [inProgressMine]: B, [openOfColleague]: B, [openOfRecipient]: B, [done]: A, [otherCustomerOpen]: A });
    const moved = await t.db('transfer_batch_activities').where({ batch_id: batchId }).orderBy('activity_id').select('activity_id', 'from_owner_id');
    expect(moved).toEqual([
      { activity_id: openMine, from_owner_id: A }, { activity_id: inProgressMine, from_owner_id: A }, { activity_id: openOfColleague, from_owner_id: t.northManager.userId },
    ].sort((x, y) => x.activity_id - y.activity_id));
    const batchRow = await t.db('transfer_batch_customers').where({ batch_id: batchId }).first();
    expect(batchRow).toMatchObject({ customer_id: customer, from_owner_id: A, to_owner_id: B, version_after: 2 });

    // Once the customer moves on, Bình keeps read-only sight of exactly the old records of others
    // (not the open activities that became hers, not her own, not one written after the transfer).
    const later = await insertRecord(t.db, 'contracts', customer, t.northManager.userId);
    expect((await t.admin.call('POST', transfer, { customerIds: [customer], userIds: [t.staffC.userId] })).status).toBe(200);
    expect(await visibleRecordIds(t.staffB, customer)).toEqual({
      activities: [done], contracts: [contract], quotes: [quote], opportunities: [opportunity], orders: [order],
    });
    expect((await t.staffB.call('GET', `/api/contracts/${contract}`)).status).toBe(200);
    expect((await t.staffB.call('PATCH', `/api/contracts/${contract}`, { value: 1 })).status).toBe(403);
    expect((await t.staffB.call('GET', `/api/contracts/${later}`)).status).toBe(404);
    expect((await t.staffB.call('GET', `/api/activities/${openMine}`)).status).toBe(404);
    expect(await visibleRecordIds(t.staffB, untouched)).toEqual({ activities: [], contracts: [], quotes: [], opportunities: [], orders: [] });
  });

  it('shares only the kinds chosen', async () => {
    const [customer] = await insertCustomers(t.db, t.staffA.userId, ['Chỉ hợp đồng']);
    const contract = await insertRecord(t.db, 'contracts', customer, t.staffA.userId);
    await insertRecord(t.db, 'activities', customer, t.staffA.userId, { status: 'done' });
    await insertRecord(t.db, 'quotes', customer, t.staffA.userId);
    const body = { customerIds: [customer], userIds: [t.staffB.userId], shareOldContracts: true };
    const touches = { openActivities: 0, activities: 0, contracts: 1, quotes: 0, opportunities: 0, orders: 0 };
    expect((await t.admin.call('POST', preview, body)).body.touches).toEqual(touches);
    expect((await t.admin.call('POST', transfer, body)).body.touches).toEqual({ openActivities: 0 });
    await t.admin.call('POST', transfer, { customerIds: [customer], userIds: [t.staffC.userId] });
    expect(await visibleRecordIds(t.staffB, customer)).toEqual({ activities: [], contracts: [contract], quotes: [], opportunities: [], orders: [] });
  });

  it('without options moves no activity and shares nothing', async () => {
    const [customer] = await insertCustomers(t.db, t.staffA.userId, ['Không tùy chọn']);
    const open = await insertRecord(t.db, 'activities', customer, t.staffA.userId);
    await insertRecord(t.db, 'contracts', customer, t.staffA.userId);
    const response = await t.admin.call('POST', transfer, { customerIds: [customer], userIds: [t.staffB.userId] });
    expect(response.body.touches).toEqual({ openActivities: 0 });
    expect((await t.db('activities').where({ id: open }).first('owner_id')).owner_id).toBe(t.staffA.userId);
    await t.admin.call('POST', transfer, { customerIds: [customer], userIds: [t.staffC.userId] });
    expect(await visibleRecordIds(t.staffB, customer)).toEqual({ activities: [], contracts: [], quotes: [], opportunities: [], orders: [] });
  });
});

describe('O1 history, audit, notifications', () => {
  it('writes a history row per customer, one audit row, and one notification per recipient and per previous owner', async () => {
    const fromA = await insertCustomers(t.db, t.staffA.userId, ['Báo An 1', 'Báo An 2', 'Báo An 3']);
    const fromC = await insertCustomers(t.db, t.staffC.userId, ['Báo Cường 1', 'Báo Cường 2']);
    const ids = [...fromA, ...fromC];
    const response = await t.admin.call('POST', transfer, { customerIds: ids, userIds: [t.staffB.userId, t.salesManager.userId], splitEvenly: true });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const { batchId } = response.body;

    const history = await t.db('ownership_history').whereIn('customer_id', ids).where({ reason: 'transfer' }).orderBy('customer_id').select('customer_id', 'from_user_id', 'to_user_id', 'batch_id', 'changed_by');
    expect(history).toEqual(ids.map((id, i) => ({
      customer_id: id, from_user_id: i < 3 ? t.staffA.userId : t.staffC.userId, to_user_id: i < 3 ? t.staffB.userId : t.salesManager.userId, batch_id: batchId, changed_by: t.admin.userId,
    })));
    const api = await t.admin.call('GET', `/api/customers/${ids[0]}/history`);
    expect(api.body[0]).toMatchObject({ reason: 'transfer', batchId, toUserId: t.staffB.userId });

    const audits = await t.db('audit_log').where({ action: 'owner_transfer' }).whereRaw(`detail->>'batchId' = ?`, [String(batchId)]).select('entity_ids', 'user_id');
    expect(audits.map((row) => ({ ids: row.entity_ids.map(Number), userId: row.user_id }))).toEqual([{ ids, userId: t.admin.userId }]);

    const received = await batchNotifications(t.db, t.staffB.userId, batchId);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ kind: 'customers_received', data: { count: 3, link: `/customers?batch=${batchId}` } });
    expect(received[0].title).toContain('3 khách hàng');
    expect(await batchNotifications(t.db, t.salesManager.userId, batchId)).toMatchObject([{ kind: 'customers_received', data: { count: 2 } }]);
    expect(await batchNotifications(t.db, t.staffA.userId, batchId)).toMatchObject([{ kind: 'customers_transferred_away', data: { count: 3 } }]);
    expect(await batchNotifications(t.db, t.staffC.userId, batchId)).toMatchObject([{ kind: 'customers_transferred_away', data: { count: 2 } }]);
    expect(await batchNotifications(t.db, t.admin.userId, batchId)).toEqual([]);
    const bell = await t.staffB.call('GET', '/api/notifications');
    expect(bell.body.some((n: { kind: string; data: { batchId?: number } }) => n.kind === 'customers_received' && n.data.batchId === batchId)).toBe(true);
  });

  it('the customer edit changes the owner through the same operation (history "edit", notifications)', async () => {
    const [id] = await insertCustomers(t.db, t.staffA.userId, ['Sửa chủ sở hữu']);
    const since = new Date();
    const response = await t.northManager.call('PATCH', `/api/customers/${id}`, { version: 1, ownerId: t.staffB.userId, phone: '0281111111' });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({ ownerId: t.staffB.userId, version: 2, phone: '0281111111' });
    const row = await t.db('customers').where({ id }).first('previous_owner_id', 'owner_assigned_at');
    expect(row.previous_owner_id).toBe(t.staffA.userId);
    expect(Date.now() - row.owner_assigned_at.getTime()).toBeLessThan(60_000);
    expect(await t.db('ownership_history').where({ customer_id: id, reason: 'edit' }).select('from_user_id', 'to_user_id', 'changed_by'))
      .toEqual([{ from_user_id: t.staffA.userId, to_user_id: t.staffB.userId, changed_by: t.northManager.userId }]);
    const notices = await t.db('notifications').where('created_at', '>=', since).whereRaw(`data->>'reason' = 'edit'`).orderBy('kind').select('user_id', 'kind', 'data');
    expect(notices).toMatchObject([
      { user_id: t.staffB.userId, kind: 'customers_received', data: { count: 1, link: `/customers/${id}` } },
      { user_id: t.staffA.userId, kind: 'customers_transferred_away', data: { count: 1 } },
    ]);
    expect(await countAudits('owner_edit', id)).toBe(1);
    const unchanged = await t.northManager.call('PATCH', `/api/customers/${id}`, { version: 2, ownerId: t.staffB.userId, phone: '0282222222' });
    expect(unchanged.body.version).toBe(3);
    expect(await countRows('ownership_history', { customer_id: id, reason: 'edit' })).toBe(1);
  });
});

describe('O1 idempotent retry', () => {
  it('a retry with the same Idempotency-Key answers the same batch and applies nothing twice', async () => {
    const ids = await insertCustomers(t.db, t.staffA.userId, ['Gửi hai lần 1', 'Gửi hai lần 2']);
    const send = () => t.app.inject({
      method: 'POST', url: transfer, payload: { customerIds: ids, userIds: [t.staffB.userId] },
      headers: { authorization: `Bearer ${t.admin.token}`, 'idempotency-key': 'transfer-twice' },
    });
    const first = await send();
    const retry = await send();
    expect(first.statusCode).toBe(200);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().batchId).toBe(first.json().batchId);
    expect(await countRows('transfer_batches', { id: first.json().batchId })).toBe(1);
    const [{ n }] = await t.db('ownership_history').whereIn('customer_id', ids).where({ reason: 'transfer' }).count<{ n: number }[]>('* as n');
    expect(Number(n)).toBe(2);
    expect((await t.db('customers').whereIn('id', ids).pluck('version'))).toEqual([2, 2]);
  });
});
