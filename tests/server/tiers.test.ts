import { beforeEach, describe, expect, it } from 'vitest';
import type { Tier, TierSettings, TierWriteResult } from '../../shared/schemas/tiers';
import type { ApiClient } from '../support/apiClient';
import { useCompanyApp } from '../support/companyApp';
import { expectSideTableExact } from '../support/sideTables';

const t = useCompanyApp();

async function ok<T = any>(client: ApiClient, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown, status = 200): Promise<T> {
  const response = await client.call<T>(method, url, body);
  expect(response.status, `${method} ${url}: ${JSON.stringify(response.body)}`).toBe(status);
  return response.body;
}

const settings = (value: TierSettings) => ok(t.admin, 'PUT', '/api/tiers/settings', value);
const tier = (body: Record<string, unknown>) => ok<TierWriteResult>(t.admin, 'POST', '/api/tiers', { applyToExistingItems: false, ...body }, 201);
const recompute = () => ok<{ changed: number }>(t.admin, 'POST', '/api/tiers/recompute');
const customer = async (name: string) => (await ok(t.staffA, 'POST', '/api/customers', { name }, 201)).id as number;
const contract = async (customerId: number, value: number) => (await ok(t.staffA, 'POST', '/api/contracts', { customerId, date: '2026-11-02', value }, 201)).id as number;
const payment = async (customerId: number, amount: number) => (await ok(t.staffA, 'POST', '/api/payments', { customerId, date: '2026-11-03', amount }, 201)).id as number;
const tierOf = async (customerId: number) => (await t.db('customers').where({ id: customerId }).first('tier_id')).tier_id as number | null;
const expectTiersExact = () => expectSideTableExact(t.db, 'customer_tiers',
  'SELECT id AS customer_id, tier_id, name FROM customers WHERE deleted_at IS NULL AND tier_id IS NOT NULL');

// Each test starts with no tiers and only its own live customers.
beforeEach(async () => {
  await t.db('customers').update({ tier_id: null, deleted_at: t.db.raw('coalesce(deleted_at, now())') });
  await t.db('tiers').delete();
  await settings({ basis: 'revenue', autoUpdate: false });
});

describe('C4 tiers: who meets which tier', () => {
  it('an amount equal to the threshold meets it, one đồng less does not; a contract count likewise', async () => {
    const silver = await tier({ name: 'Bạc', minAmount: 50_000_000, discountPercent: 5 });
    const loyal = await tier({ name: 'Thân thiết', minContracts: 3, discountPercent: 2 });
    const exact = await customer('Ngưỡng đúng');
    await contract(exact, 30_000_000);
    await contract(exact, 20_000_000);
    const short = await customer('Thiếu một đồng');
    await contract(short, 49_999_999);
    const three = await customer('Ba hợp đồng');
    for (let i = 0; i < 3; i++) await contract(three, 1_000);
    const two = await customer('Hai hợp đồng');
    for (let i = 0; i < 2; i++) await contract(two, 1_000);

    expect(await recompute()).toEqual({ changed: 2 });
    expect([await tierOf(exact), await tierOf(short), await tierOf(three), await tierOf(two)]).toEqual([silver.id, null, loyal.id, null]);
    // Only customers whose tier changes are written.
    expect(await recompute()).toEqual({ changed: 0 });
    await expectTiersExact();
  });

  it('the highest tier: greatest discount; equal discounts: an amount tier before a count tier, then the greater threshold', async () => {
    const gold = await tier({ name: 'Vàng', minAmount: 100_000_000, discountPercent: 10 });
    const silver = await tier({ name: 'Bạc', minAmount: 50_000_000, discountPercent: 5 });
    const silverPlus = await tier({ name: 'Bạc cao', minAmount: 60_000_000, discountPercent: 5 });
    const frequent = await tier({ name: 'Hay mua', minContracts: 2, discountPercent: 10 });
    const both = await customer('Đạt cả vàng và hay mua');
    await contract(both, 100_000_000);
    await contract(both, 1);
    const countOverSilver = await customer('Hay mua hơn bạc');
    await contract(countOverSilver, 30_000_000);
    await contract(countOverSilver, 30_000_000);
    const twoSilvers = await customer('Đạt hai bạc');
    await contract(twoSilvers, 60_000_000);
    const oneSilver = await customer('Đạt một bạc');
    await contract(oneSilver, 55_000_000);

    await recompute();
    expect([await tierOf(both), await tierOf(countOverSilver), await tierOf(twoSilvers), await tierOf(oneSilver)])
      .toEqual([gold.id, frequent.id, silverPlus.id, silver.id]);
    // The list is in the same order, highest first, counting the customers the reader may see:
    // their owner sees each, a colleague of another desk none.
    const list = await ok<Tier[]>(t.staffA, 'GET', '/api/tiers');
    expect(list.map((row) => [row.name, row.customerCount])).toEqual([['Vàng', 1], ['Hay mua', 1], ['Bạc cao', 1], ['Bạc', 1]]);
    const colleague = await ok<Tier[]>(t.staffB, 'GET', '/api/tiers');
    expect(colleague.map((row) => [row.name, row.customerCount])).toEqual([['Vàng', 0], ['Hay mua', 0], ['Bạc cao', 0], ['Bạc', 0]]);
    expect((await ok<Tier[]>(t.admin, 'GET', '/api/tiers')).map((row) => row.customerCount)).toEqual([1, 1, 1, 1]);
  });

  it('basis payment counts live payments and ignores count tiers; switching the basis moves nobody until a recompute (auto-update off)', async () => {
    const silver = await tier({ name: 'Bạc', minAmount: 10_000_000, discountPercent: 5 });
    await tier({ name: 'Hay mua', minContracts: 1, discountPercent: 8 });
    const unpaid = await customer('Chưa trả');
    await contract(unpaid, 20_000_000);
    const paid = await customer('Đã trả');
    await contract(paid, 20_000_000);
    await payment(paid, 6_000_000);
    const deletedPayment = await payment(paid, 4_000_000);
    await recompute();
    const frequentId = await tierOf(unpaid);
    expect(await tierOf(paid)).toBe(frequentId);

    await settings({ basis: 'payment', autoUpdate: false });
    expect(await tierOf(unpaid)).toBe(frequentId);
    expect(await recompute()).toEqual({ changed: 2 });
    expect([await tierOf(unpaid), await tierOf(paid)]).toEqual([null, silver.id]);
    await ok(t.staffA, 'DELETE', `/api/payments/${deletedPayment}`);
    await recompute();
    expect(await tierOf(paid)).toBeNull();
  });
});

describe('C4 auto-update', () => {
  it('on: a new, edited or deleted contract moves the tier at once; a basis switch recomputes at once', async () => {
    await settings({ basis: 'revenue', autoUpdate: true });
    const silver = await tier({ name: 'Bạc', minAmount: 50_000_000, discountPercent: 5 });
    const id = await customer('Tự động');
    const first = await contract(id, 50_000_000);
    expect(await tierOf(id)).toBe(silver.id);
    await ok(t.staffA, 'PATCH', `/api/contracts/${first}`, { value: 49_999_999 });
    expect(await tierOf(id)).toBeNull();
    const second = await contract(id, 1);
    expect(await tierOf(id)).toBe(silver.id);
    await ok(t.staffA, 'DELETE', `/api/contracts/${second}`);
    expect(await tierOf(id)).toBeNull();

    await payment(id, 50_000_000);
    expect(await tierOf(id)).toBeNull();
    await settings({ basis: 'payment', autoUpdate: true });
    expect(await tierOf(id)).toBe(silver.id);
    await expectTiersExact();
  });

  it('on, basis payment: new, edited and deleted payments move the tier at once; a new tier applies at once', async () => {
    await settings({ basis: 'payment', autoUpdate: true });
    const id = await customer('Thanh toán tự động');
    const paymentId = await payment(id, 20_000_000);
    const silver = await tier({ name: 'Bạc', minAmount: 20_000_000, discountPercent: 5 });
    expect(silver.customerCount).toBe(1);
    expect(await tierOf(id)).toBe(silver.id);
    await ok(t.staffA, 'PATCH', `/api/payments/${paymentId}`, { amount: 19_999_999 });
    expect(await tierOf(id)).toBeNull();
    await ok(t.staffA, 'PATCH', `/api/payments/${paymentId}`, { amount: 25_000_000 });
    expect(await tierOf(id)).toBe(silver.id);
    await ok(t.staffA, 'DELETE', `/api/payments/${paymentId}`);
    expect(await tierOf(id)).toBeNull();
  });

  it('off: contracts move nobody, a manual tier stays, until POST /api/tiers/recompute', async () => {
    const silver = await tier({ name: 'Bạc', minAmount: 50_000_000, discountPercent: 5 });
    const gold = await tier({ name: 'Vàng', minAmount: 500_000_000, discountPercent: 10 });
    const id = await customer('Thủ công');
    await contract(id, 60_000_000);
    expect(await tierOf(id)).toBeNull();
    const manual = await customer('Gán tay');
    // By hand: managers and admins only, an existing tier.
    const { version } = await ok(t.staffA, 'GET', `/api/customers/${manual}`);
    expect((await t.staffA.call('PATCH', `/api/customers/${manual}`, { version, tierId: gold.id })).status).toBe(403);
    const unknown = await t.northManager.call('PATCH', `/api/customers/${manual}`, { version, tierId: 999_999 });
    expect([unknown.status, unknown.body.error.field]).toEqual([400, 'tierId']);
    expect((await ok(t.northManager, 'PATCH', `/api/customers/${manual}`, { version, tierId: gold.id })).tierName).toBe('Vàng');
    await contract(manual, 1);
    expect(await tierOf(manual)).toBe(gold.id);
    expect(await recompute()).toEqual({ changed: 2 });
    expect([await tierOf(id), await tierOf(manual)]).toEqual([silver.id, null]);
  });

  it('deleting a tier clears its customers (off) or gives them their next tier (on)', async () => {
    const silver = await tier({ name: 'Bạc', minAmount: 10_000_000, discountPercent: 5 });
    const gold = await tier({ name: 'Vàng', minAmount: 50_000_000, discountPercent: 10 });
    const id = await customer('Mất hạng');
    await contract(id, 60_000_000);
    await recompute();
    expect(await tierOf(id)).toBe(gold.id);
    await settings({ basis: 'revenue', autoUpdate: true });
    await ok(t.admin, 'DELETE', `/api/tiers/${gold.id}`);
    expect(await tierOf(id)).toBe(silver.id);
    await expectTiersExact();
    await settings({ basis: 'revenue', autoUpdate: false });
    await ok(t.admin, 'DELETE', `/api/tiers/${silver.id}`);
    expect(await tierOf(id)).toBeNull();
  });
});

describe('C4 re-pricing open quote and order lines', () => {
  it('applyToExistingItems true sets the discount of open documents of the tier\'s customers only; false changes no line', async () => {
    const product = await ok(t.admin, 'POST', '/api/products', { code: 'HH-TIER', name: 'Hàng phân cấp', price: 100_000 }, 201);
    const line = { productId: product.id, quantity: 1, price: 100_000, discountPercent: 0 };
    const inTier = await customer('Có hạng');
    await contract(inTier, 80_000_000);
    const outside = await customer('Không hạng');
    const document = async (path: string, customerId: number, status: string) =>
      ok(t.staffA, 'POST', path, { customerId, date: '2026-11-05', value: 200_000, status, lines: [line, line] }, 201);
    await document('/api/quotes', inTier, 'open');
    await document('/api/quotes', inTier, 'accepted');
    await document('/api/orders', inTier, 'open');
    await document('/api/orders', inTier, 'delivered');
    await document('/api/quotes', outside, 'open');
    await settings({ basis: 'revenue', autoUpdate: true });

    const kept = await tier({ name: 'Bạc', minAmount: 50_000_000, discountPercent: 7 });
    expect(kept.repricedLines).toBe(0);
    const discounts = async () => (await t.db('document_lines').orderBy('id').select('discount_percent')).map((row) => row.discount_percent);
    expect(new Set(await discounts())).toEqual(new Set([0]));

    const repriced = await ok<TierWriteResult>(t.admin, 'PATCH', `/api/tiers/${kept.id}`, { discountPercent: 8, applyToExistingItems: true });
    expect(repriced).toMatchObject({ discountPercent: 8, repricedLines: 4, customerCount: 1 });
    // Open quote, accepted quote, open order, delivered order of the tier's customer; the other customer's open quote.
    expect(await discounts()).toEqual([8, 8, 0, 0, 8, 8, 0, 0, 0, 0]);
    expect((await ok<TierWriteResult>(t.admin, 'PATCH', `/api/tiers/${kept.id}`, { name: 'Bạc mới', applyToExistingItems: true })).repricedLines).toBe(0);
    const audit = await t.db('audit_log').where({ entity: 'tier', action: 'update' }).orderBy('id', 'desc').first('detail', 'entity_ids');
    expect(audit.entity_ids.map(Number)).toEqual([kept.id]);
  });
});

describe('C4 API: access and hostile input', () => {
  it('staff and managers read, only admins write (403)', async () => {
    const silver = await tier({ name: 'Bạc', minAmount: 1, discountPercent: 1 });
    for (const client of [t.staffA, t.northManager]) {
      expect((await client.call('GET', '/api/tiers')).status).toBe(200);
      expect((await client.call('GET', '/api/tiers/settings')).body).toEqual({ basis: 'revenue', autoUpdate: false });
      for (const [method, url, body] of [
        ['POST', '/api/tiers', { name: 'Lén', minAmount: 1, discountPercent: 1, applyToExistingItems: false }],
        ['PATCH', `/api/tiers/${silver.id}`, { name: 'Lén' }],
        ['DELETE', `/api/tiers/${silver.id}`, undefined],
        ['PUT', '/api/tiers/settings', { basis: 'payment', autoUpdate: true }],
        ['POST', '/api/tiers/recompute', undefined],
      ] as const) {
        expect((await client.call(method, url, body)).status, `${method} ${url}`).toBe(403);
      }
    }
    expect(await t.db('tiers').count('* as n').first()).toEqual({ n: 1 });
  });

  it('refuses bad thresholds, discounts and names with 400 naming the field, a taken name with 409', async () => {
    const base = { name: 'Hạng', discountPercent: 5, applyToExistingItems: false };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base }, 'minAmount'],
      [{ ...base, minAmount: 1, minContracts: 1 }, 'minContracts'],
      [{ ...base, minAmount: -1 }, 'minAmount'],
      [{ ...base, minAmount: 'nhiều' }, 'minAmount'],
      [{ ...base, minContracts: 1.5 }, 'minContracts'],
      [{ ...base, minAmount: 1, discountPercent: 100.5 }, 'discountPercent'],
      [{ ...base, minAmount: 1, discountPercent: -1 }, 'discountPercent'],
      [{ ...base, minAmount: 1, name: '   ' }, 'name'],
      [{ ...base, minAmount: 1, name: 'x'.repeat(300) }, 'name'],
      [{ name: 'Hạng', minAmount: 1, discountPercent: 5 }, 'applyToExistingItems'],
    ];
    for (const [body, field] of cases) {
      const response = await t.admin.call('POST', '/api/tiers', body);
      expect([response.status, response.body.error?.field], JSON.stringify(body)).toEqual([400, field]);
    }
    await tier({ name: 'Kim cương', minAmount: 1, discountPercent: 1 });
    const taken = await t.admin.call('POST', '/api/tiers', { ...base, name: ' kim CƯƠNG ', minAmount: 2 });
    expect([taken.status, taken.body.error]).toMatchObject([409, { code: 'DUPLICATE', field: 'name' }]);
    await settings({ basis: 'payment', autoUpdate: false });
    const countUnderPayment = await t.admin.call('POST', '/api/tiers', { ...base, minContracts: 2 });
    expect([countUnderPayment.status, countUnderPayment.body.error?.field]).toEqual([400, 'minContracts']);
    expect((await t.admin.call('PUT', '/api/tiers/settings', { basis: 'doanh thu', autoUpdate: true })).body.error.field).toBe('basis');
    expect((await t.admin.call('PATCH', '/api/tiers/999999', { name: 'Không có' })).status).toBe(404);
    expect((await t.admin.call('PATCH', '/api/tiers/1', {})).status).toBe(400);
  });
});

describe('C4 / C5 in the customer grid and detail', () => {
  it('filters the grid by tier and tells the detail how far the next tier is', async () => {
    const silver = await tier({ name: 'Bạc', minAmount: 50_000_000, discountPercent: 5 });
    const gold = await tier({ name: 'Vàng', minAmount: 100_000_000, discountPercent: 10 });
    const id = await customer('Gần lên vàng');
    await contract(id, 88_000_000);
    const other = await customer('Chưa có hạng');
    await recompute();

    const page = await ok(t.staffA, 'GET', `/api/customers?tierId=${silver.id}`);
    expect(page.rows.map((row: { id: number }) => row.id)).toEqual([id]);
    expect(page.total).toBe(1);
    expect((await ok(t.admin, 'GET', `/api/customers?tierId=${gold.id}`)).total).toBe(0);

    expect(await ok(t.staffA, 'GET', `/api/customers/${id}/tier`)).toEqual({
      tier: { id: silver.id, name: 'Bạc' }, discountPercent: 5, basis: 'revenue',
      current: { amount: 88_000_000, contracts: 1 },
      next: { tier: { id: gold.id, name: 'Vàng' }, missingAmount: 12_000_000, missingContracts: null },
    });
    expect((await ok(t.staffA, 'GET', `/api/customers/${other}/tier`)).next).toEqual({ tier: { id: silver.id, name: 'Bạc' }, missingAmount: 50_000_000, missingContracts: null });
    // Someone who may not open the customer: 404.
    expect((await t.staffC.call('GET', `/api/customers/${id}/tier`)).status).toBe(404);
  });
});
