import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/apiClient';
import { useCompanyApp } from '../support/companyApp';

const t = useCompanyApp();

type Ids = Record<string, number>;
let types: Ids;
let groups: Ids;
let customers: Ids;

async function create(client: ApiClient, body: Record<string, unknown>): Promise<number> {
  const response = await client.call('POST', '/api/customers', body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id;
}

async function names(client: ApiClient, query: string): Promise<string[]> {
  const page = await client.call('GET', `/api/customers?${query}&limit=1000`);
  expect(page.status, JSON.stringify(page.body)).toBe(200);
  expect(page.body.total).toBe(page.body.rows.length);
  return page.body.rows.map((row: { name: string }) => row.name).sort();
}

beforeAll(async () => {
  const post = async (url: string, name: string) => (await t.admin.call('POST', url, { name })).body.id as number;
  types = { shop: await post('/api/customer-types', 'Cửa hàng'), agent: await post('/api/customer-types', 'Đại lý'), person: await post('/api/customer-types', 'Cá nhân') };
  groups = { vip: await post('/api/customer-groups', 'VIP'), loyal: await post('/api/customer-groups', 'Khách quen'), new: await post('/api/customer-groups', 'Mới') };
  customers = {
    shopVip: await create(t.staffA, { name: 'Lọc Cửa hàng VIP', typeId: types.shop, groupIds: [groups.vip] }),
    shopBoth: await create(t.staffA, { name: 'Lọc Cửa hàng hai nhóm', typeId: types.shop, groupIds: [groups.vip, groups.loyal] }),
    agentLoyal: await create(t.staffA, { name: 'Lọc Đại lý quen', typeId: types.agent, groupIds: [groups.loyal] }),
    agentB: await create(t.staffB, { name: 'Lọc Đại lý của Bình', typeId: types.agent, groupIds: [groups.new] }),
    person: await create(t.staffA, { name: 'Lọc Cá nhân', typeId: types.person }),
    untyped: await create(t.staffA, { name: 'Lọc Chưa phân loại' }),
  };
});

describe('type and group filters take one id or several', () => {
  it('one typeId as before, several = any of those types', async () => {
    expect(await names(t.admin, `search=loc&typeId=${types.shop}`)).toEqual(['Lọc Cửa hàng hai nhóm', 'Lọc Cửa hàng VIP'].sort());
    expect(await names(t.admin, `search=loc&typeId=${types.shop}&typeId=${types.person}`)).toEqual(['Lọc Cá nhân', 'Lọc Cửa hàng hai nhóm', 'Lọc Cửa hàng VIP'].sort());
    // Without a search too (the keyset paging path), and with the types repeated.
    expect(await names(t.admin, `typeId=${types.agent}&typeId=${types.person}&typeId=${types.agent}`)).toEqual(['Lọc Cá nhân', 'Lọc Đại lý của Bình', 'Lọc Đại lý quen'].sort());
  });

  it('several groupIds = customers in any of them, each once', async () => {
    expect(await names(t.admin, `groupId=${groups.vip}`)).toEqual(['Lọc Cửa hàng hai nhóm', 'Lọc Cửa hàng VIP'].sort());
    expect(await names(t.admin, `groupId=${groups.vip}&groupId=${groups.loyal}`)).toEqual(['Lọc Cửa hàng hai nhóm', 'Lọc Cửa hàng VIP', 'Lọc Đại lý quen'].sort());
    expect(await names(t.admin, `groupId=${groups.loyal}&groupId=${groups.new}&typeId=${types.agent}`)).toEqual(['Lọc Đại lý của Bình', 'Lọc Đại lý quen'].sort());
  });

  it('combines with the owner filter and the access rules', async () => {
    const bothTypes = `typeId=${types.shop}&typeId=${types.agent}`;
    expect(await names(t.admin, `${bothTypes}&ownerId=${t.staffB.userId}`)).toEqual(['Lọc Đại lý của Bình'].sort());
    expect(await names(t.staffA, bothTypes)).toEqual(['Lọc Cửa hàng hai nhóm', 'Lọc Cửa hàng VIP', 'Lọc Đại lý quen'].sort());
    expect(await names(t.staffB, bothTypes)).toEqual(['Lọc Đại lý của Bình'].sort());
  });

  it('refuses ids that are not ids', async () => {
    for (const query of ['typeId=abc', `typeId=${types.shop}&typeId=x`, 'groupId=0', 'groupId=-3']) {
      const response = await t.admin.call('GET', `/api/customers?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_ERROR');
    }
  });

  it('"select all matching" bulk actions take the same filter: a bare id or a list', async () => {
    const target = (await t.admin.call('POST', '/api/customer-groups', { name: 'Đích lọc' })).body.id;
    const add = (filter: unknown) => t.staffA.call('POST', '/api/customers/groups', { filter, groupIds: [target], mode: 'add' });
    // A bare number, as a client built for the single-id filter sends it.
    expect((await add({ search: 'loc', typeId: types.person })).body).toEqual({ updated: 1 });
    // Several types: only the customers staff A may edit (not Bình's agent).
    expect((await add({ search: 'loc', typeId: [types.shop, types.agent] })).body).toEqual({ updated: 3 });
    expect((await add({ search: 'loc', groupId: [groups.new] })).body).toEqual({ updated: 0 });
    expect(await names(t.admin, `groupId=${target}`)).toEqual(['Lọc Cá nhân', 'Lọc Cửa hàng hai nhóm', 'Lọc Cửa hàng VIP', 'Lọc Đại lý quen'].sort());
    expect(customers.untyped).toBeGreaterThan(0);
  });
});
