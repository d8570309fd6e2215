import { describe, expect, it } from 'vitest';
import { useCompanyApp } from '../support/companyApp';
import { poolFixtures } from './poolFixtures';

const t = useCompanyApp();
const f = poolFixtures(t);

/** Customers of staff C moved into the pool by a rule-2 run. */
async function poolCustomers(names: string[]): Promise<number[]> {
  const ids = [];
  for (const name of names) ids.push(await f.customer(t.staffC, name, '2022-01-01T09:00:00+07:00'));
  await f.saveSettings({ noActivitySinceTransfer: { enabled: true, days: 1 } });
  const run = await t.admin.call('POST', '/api/pool/run', {});
  expect(run.status).toBe(200);
  await f.saveSettings({});
  for (const id of ids) expect(await f.inPool(id)).toBe(true);
  return ids;
}

describe('claiming from the pool (SPEC P1, P3)', () => {
  it('anyone claims pool customers: owner now, history, claims counted, past activities visible at once', async () => {
    const [id] = await poolCustomers(['Nhận một']);
    await t.db('activities').insert({ customer_id: id, owner_id: t.company.staffC.id, type: 'call', subject: 'Cuộc gọi của chủ cũ', date: '2022-01-02', status: 'done' });
    expect((await t.staffA.call('GET', `/api/customers/${id}`)).body.access).toBe('pool');
    const claim = await t.staffA.call('POST', '/api/pool/claim', { customerIds: [id] });
    expect(claim.status, JSON.stringify(claim.body)).toBe(200);
    expect(claim.body).toEqual({ claimed: 1, customerIds: [id], remainingToday: null });
    const detail = (await t.staffA.call('GET', `/api/customers/${id}`)).body;
    expect(detail).toMatchObject({ ownerId: t.staffA.userId, inPool: false, access: 'edit', previousOwnerId: t.company.staffC.id, previousOwnerName: 'Đỗ Văn Cường' });
    const activities = await t.staffA.call('GET', `/api/activities?customerId=${id}`);
    expect(activities.status).toBe(200);
    expect(activities.body.rows.map((r: { subject: string }) => r.subject)).toContain('Cuộc gọi của chủ cũ');
    const history = (await t.staffA.call('GET', `/api/customers/${id}/history`)).body;
    expect(history[0]).toMatchObject({ reason: 'claim', toUserId: t.staffA.userId, fromUserId: null });
    expect((await t.staffA.call('GET', '/api/pool/claims/today')).body).toEqual({ claimedToday: 1, perDay: null, remaining: null });
    // Not in the pool any more.
    const again = await t.staffB.call('POST', '/api/pool/claim', { customerIds: [id] });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('POOL_ALREADY_CLAIMED');
  });

  it('a customer never in the pool is 409 NOT_IN_POOL; an unknown one 404; nothing changes', async () => {
    const [pooled] = await poolCustomers(['Trong kho']);
    const owned = (await t.staffB.call('POST', '/api/customers', { name: 'Ngoài kho' })).body.id;
    const notInPool = await t.staffA.call('POST', '/api/pool/claim', { customerIds: [pooled, owned] });
    expect(notInPool.status).toBe(409);
    expect(notInPool.body.error.code).toBe('NOT_IN_POOL');
    expect((await t.staffA.call('POST', '/api/pool/claim', { customerIds: [pooled, 99999999] })).status).toBe(404);
    expect(await f.inPool(pooled)).toBe(true);
  });

  it('the daily limit refuses past it with 409 POOL_CLAIM_LIMIT and the remaining count, changing nothing', async () => {
    const ids = await poolCustomers(['Giới hạn 1', 'Giới hạn 2', 'Giới hạn 3']);
    await f.saveSettings({}, { claimLimit: { enabled: true, perDay: 2 } });
    expect((await t.staffB.call('POST', '/api/pool/claim', { customerIds: [ids[0]] })).body.remainingToday).toBe(1);
    const refused = await t.staffB.call('POST', '/api/pool/claim', { customerIds: [ids[1], ids[2]] });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'POOL_CLAIM_LIMIT', remaining: 1 });
    expect(refused.body.error.message).toContain('chỉ còn được nhận 1 khách hàng');
    expect(await f.inPool(ids[1])).toBe(true);
    expect(await f.inPool(ids[2])).toBe(true);
    expect((await t.staffB.call('GET', '/api/pool/claims/today')).body).toEqual({ claimedToday: 1, perDay: 2, remaining: 1 });
    expect((await t.staffB.call('POST', '/api/pool/claim', { customerIds: [ids[1]] })).body.remainingToday).toBe(0);
    const none = await t.staffB.call('POST', '/api/pool/claim', { customerIds: [ids[2]] });
    expect(none.body.error).toMatchObject({ code: 'POOL_CLAIM_LIMIT', remaining: 0 });
    // Yesterday's claims (Vietnamese calendar day) do not count.
    await t.db('pool_claims').where({ user_id: t.staffB.userId }).update({ claimed_at: t.db.raw(`crm_vn_day(now())::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' - interval '1 second'`) });
    expect((await t.staffB.call('POST', '/api/pool/claim', { customerIds: [ids[2]] })).status).toBe(200);
    await f.saveSettings({});
  });

  it('two users claiming the same customer at once: exactly one wins, the other gets 409 and nothing', async () => {
    for (let round = 0; round < 3; round++) {
      const [id, other] = await poolCustomers([`Tranh nhận ${round}`, `Tranh nhận kèm ${round}`]);
      const [a, b] = await Promise.all([
        t.staffA.call('POST', '/api/pool/claim', { customerIds: [id, other] }),
        t.staffB.call('POST', '/api/pool/claim', { customerIds: [id] }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      expect(loser.body.error.code).toBe('POOL_ALREADY_CLAIMED');
      const winner = a.status === 200 ? t.staffA : t.staffB;
      expect((await t.db('customers').where({ id }).first('owner_id')).owner_id).toBe(winner.userId);
      // The loser's whole claim was rolled back.
      if (loser === a) expect(await f.inPool(other)).toBe(true);
      expect(await t.db('pool_claims').where({ customer_id: id }).count<{ n: number }[]>('* as n')).toEqual([{ n: 1 }]);
    }
  });

  it('the limit holds for concurrent claims of one user', async () => {
    const ids = await poolCustomers(['Song song 1', 'Song song 2', 'Song song 3', 'Song song 4']);
    await f.saveSettings({}, { claimLimit: { enabled: true, perDay: 2 } });
    const results = await Promise.all(ids.map((id) => t.northManager.call('POST', '/api/pool/claim', { customerIds: [id] })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(2);
    expect(results.filter((r) => r.status === 409 && r.body.error.code === 'POOL_CLAIM_LIMIT')).toHaveLength(2);
    await f.saveSettings({});
  });

  it('cooldown: the pool took it from me fewer than N days ago, so I cannot claim it back yet', async () => {
    await f.saveSettings({}, { claimCooldownDays: 7 });
    const [id] = await poolCustomers(['Không nhận lại']);
    const refused = await t.staffC.call('POST', '/api/pool/claim', { customerIds: [id] });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('POOL_COOLDOWN');
    expect(refused.body.error.message).toMatch(/từ ngày \d{2}\/\d{2}\/\d{4}/);
    expect(await f.inPool(id)).toBe(true);
    // Others may; and after the cooldown the previous owner may too.
    await t.db('ownership_history').where({ customer_id: id, reason: 'pool' }).update({ at: t.db.raw(`now() - interval '8 days'`) });
    expect((await t.staffC.call('POST', '/api/pool/claim', { customerIds: [id] })).status).toBe(200);
    await f.saveSettings({}, { claimCooldownDays: 0 });
  });

  it('a claim by filter takes the matching pool customers only', async () => {
    const [id] = await poolCustomers(['Lọc nhận Zeta']);
    const claim = await t.staffA.call('POST', '/api/pool/claim', { filter: { search: 'Lọc nhận Zeta' } });
    expect(claim.status, JSON.stringify(claim.body)).toBe(200);
    expect(claim.body.customerIds).toEqual([id]);
    const nothing = await t.staffA.call('POST', '/api/pool/claim', { filter: { search: 'Lọc nhận Zeta' } });
    expect(nothing.status).toBe(400);
  });
});

describe('manual add and assign (managers and admins)', () => {
  it('a manager puts their department’s customers into the pool; staff 403; another department’s customers 404 (not visible), by ids or by filter', async () => {
    const north = (await t.staffA.call('POST', '/api/customers', { name: 'Thêm tay miền Bắc' })).body.id;
    const south = (await t.staffC.call('POST', '/api/customers', { name: 'Thêm tay miền Nam' })).body.id;
    expect((await t.staffA.call('POST', '/api/pool/add', { customerIds: [north] })).status).toBe(403);
    const other = await t.northManager.call('POST', '/api/pool/add', { customerIds: [north, south] });
    expect(other.status).toBe(404);
    expect(await f.inPool(north)).toBe(false);
    // By filter: only what the caller may edit, never another department's, nor an excluded one.
    const northToo = (await t.staffA.call('POST', '/api/customers', { name: 'Thêm tay miền Bắc hai' })).body.id;
    const byFilter = await t.northManager.call('POST', '/api/pool/add', { filter: { search: 'Thêm tay miền' }, excludeIds: [north] });
    expect(byFilter.body).toEqual({ moved: 1 });
    expect([await f.inPool(north), await f.inPool(northToo), await f.inPool(south)]).toEqual([false, true, false]);
    const added = await t.northManager.call('POST', '/api/pool/add', { customerIds: [north] });
    expect(added.body).toEqual({ moved: 1 });
    expect(await t.db('customers').where({ id: north }).first('owner_id', 'previous_owner_id', 'in_pool'))
      .toEqual({ owner_id: null, previous_owner_id: t.company.staffA.id, in_pool: true });
  });

  it('assign gives pool customers to an owner the caller may assign; staff 403; an owner outside the subtree 403', async () => {
    const [id] = await poolCustomers(['Giao từ kho']);
    expect((await t.staffA.call('POST', '/api/pool/assign', { customerIds: [id], ownerId: t.staffA.userId })).status).toBe(403);
    const outside = await t.northManager.call('POST', '/api/pool/assign', { customerIds: [id], ownerId: t.company.staffC.id });
    expect(outside.status).toBe(403);
    expect(outside.body.error.field).toBe('ownerId');
    const assigned = await t.northManager.call('POST', '/api/pool/assign', { customerIds: [id], ownerId: t.staffB.userId });
    expect(assigned.body).toEqual({ assigned: 1 });
    expect(await t.db('customers').where({ id }).first('owner_id', 'in_pool')).toEqual({ owner_id: t.staffB.userId, in_pool: false });
    const notice = await t.db('notifications').where({ user_id: t.staffB.userId, kind: 'customers_received' }).orderBy('id', 'desc').first('title');
    expect(notice.title).toContain('Lê Quản Lý Bắc');
  });
});
