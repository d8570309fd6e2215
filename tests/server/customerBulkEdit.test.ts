import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/apiClient';
import { useCompanyApp } from '../support/companyApp';

const t = useCompanyApp();

type Row = { id: number; version: number; phone: string | null };

async function create(client: ApiClient, body: Record<string, unknown>): Promise<Row> {
  const response = await client.call('POST', '/api/customers', body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

const customer = async (id: number) => (await t.admin.call('GET', `/api/customers/${id}`)).body;
const bulkEdit = (client: ApiClient, body: Record<string, unknown>) => client.call('POST', '/api/customers/bulk-edit', body);
const phones = (...rows: Row[]) => Promise.all(rows.map(async (row) => (await customer(row.id)).phone));

describe('bulk edit (paste down a column)', () => {
  it('sets one field per row, versioned, and answers the rows with their new versions in the order sent', async () => {
    const rows = [await create(t.staffA, { name: 'Dán 1' }), await create(t.staffA, { name: 'Dán 2', phone: '0900' }), await create(t.staffA, { name: 'Dán 3' })];
    const changes = [rows[2], rows[0], rows[1]].map((row, index) => ({ id: row.id, version: row.version, phone: `091100000${index}` }));
    const response = await bulkEdit(t.staffA, { changes });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.updated).toBe(3);
    expect(response.body.rows.map((row: Row) => [row.id, row.version, row.phone])).toEqual([
      [rows[2].id, 2, '0911000000'], [rows[0].id, 2, '0911000001'], [rows[1].id, 2, '0911000002'],
    ]);
    expect(await phones(...rows)).toEqual(['0911000001', '0911000002', '0911000000']);
    // Each row is audited like a PATCH.
    const audits = await t.db('audit_log').where({ action: 'update', entity: 'customer', user_id: t.staffA.userId });
    expect(audits.filter((audit) => rows.some((row) => audit.entity_ids.map(Number).includes(row.id)))).toHaveLength(3);
  });

  it('is all or nothing: one stale version is 409 naming the row, and no row changes', async () => {
    const one = await create(t.staffA, { name: 'Cũ 1' });
    const two = await create(t.staffA, { name: 'Cũ 2' });
    expect((await t.staffA.call('PATCH', `/api/customers/${two.id}`, { version: 1, phone: '0922' })).status).toBe(200);
    const response = await bulkEdit(t.staffA, { changes: [{ id: one.id, version: 1, phone: '0933' }, { id: two.id, version: 1, phone: '0944' }] });
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({ code: 'VERSION_CONFLICT', field: 'changes.1.version' });
    expect(response.body.error.message).toContain(String(two.id));
    expect(await customer(one.id)).toMatchObject({ phone: null, version: 1 });
    expect(await customer(two.id)).toMatchObject({ phone: '0922', version: 2 });
  });

  it('refuses rows the caller may not edit, like PATCH: invisible 404, read-only shared and pool rows 403', async () => {
    const own = await create(t.staffA, { name: 'Của An dán' });
    const ofB = await create(t.staffB, { name: 'Của Bình dán' });
    const sharedWithA = await create(t.staffB, { name: 'Bình giao An dán', assignedUserIds: [t.staffA.userId] });
    const pooled = await create(t.staffB, { name: 'Kho chung dán' });
    await t.db('customers').where({ id: pooled.id }).update({ owner_id: null, in_pool: true });
    const change = (row: Row) => ({ id: row.id, version: 1, phone: '0955' });

    const invisible = await bulkEdit(t.staffA, { changes: [change(own), change(ofB)] });
    expect(invisible.status).toBe(404);
    expect(invisible.body.error.field).toBe('changes.1.id');
    for (const row of [sharedWithA, pooled]) {
      const refused = await bulkEdit(t.staffA, { changes: [change(own), change(row)] });
      expect(refused.status).toBe(403);
      expect(refused.body.error.field).toBe('changes.1.id');
      expect(refused.body.error.message).toContain(String(row.id));
    }
    expect(await customer(own.id)).toMatchObject({ phone: null, version: 1 });
    // Their manager may edit both of B's rows.
    expect((await bulkEdit(t.northManager, { changes: [change(ofB), change(sharedWithA)] })).status).toBe(200);
  });

  it('validates each change with the PATCH rules, naming the row and field', async () => {
    const one = await create(t.staffA, { name: 'Sai 1', taxCode: '0101' });
    const two = await create(t.staffA, { name: 'Sai 2' });
    for (const [changes, status, field] of [
      [[{ id: one.id, version: 1, phone: '0966' }, { id: two.id, version: 1, phone: 'không phải số' }], 400, 'changes.1.phone'],
      [[{ id: one.id, version: 1, email: 'not-an-email' }], 400, 'changes.0.email'],
      [[{ id: one.id, phone: '0966' }], 400, 'changes.0.version'],
      [[{ id: one.id, version: 1, careStatus: 'Không có trong danh sách' }], 400, 'changes.0.careStatus'],
      [[{ id: one.id, version: 1, typeId: 999999 }], 400, 'changes.0.typeId'],
      [[{ id: one.id, version: 1, phone: '1' }, { id: one.id, version: 1, phone: '2' }], 400, 'changes.1.id'],
      [[], 400, 'changes'],
    ] as const) {
      const response = await bulkEdit(t.staffA, { changes });
      expect(response.status, JSON.stringify(changes)).toBe(status);
      expect(response.body.error.field, JSON.stringify(changes)).toBe(field);
    }
    // With the company refusing duplicate tax codes, another customer's tax code is refused too.
    expect((await t.admin.call('PUT', '/api/settings/customers', { duplicateTaxCode: 'refuse' })).status).toBe(200);
    const duplicate = await bulkEdit(t.staffA, { changes: [{ id: two.id, version: 1, taxCode: '0101' }] });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.field).toBe('changes.0.taxCode');
    expect(await customer(one.id)).toMatchObject({ phone: null, version: 1 });
    expect(await customer(two.id)).toMatchObject({ phone: null, taxCode: null, version: 1 });
  });

  it('dryRun checks everything and writes nothing', async () => {
    const one = await create(t.staffC, { name: 'Thử 1' });
    const two = await create(t.staffC, { name: 'Thử 2' });
    const changes = [{ id: one.id, version: 1, phone: '0977' }, { id: two.id, version: 1, phone: '0988' }];
    const dry = await bulkEdit(t.staffC, { changes, dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body).toEqual({ updated: 2, rows: [] });
    expect(await customer(one.id)).toMatchObject({ phone: null, version: 1 });
    const audits = await t.db('audit_log').where({ action: 'update', user_id: t.staffC.userId });
    expect(audits).toHaveLength(0);
    // A refusal is reported by a dry run as by the real one.
    expect((await bulkEdit(t.staffC, { changes: [{ ...changes[0], version: 5 }], dryRun: true })).status).toBe(409);
    expect((await bulkEdit(t.staffC, { changes })).body.updated).toBe(2);
  });

  it('honours Idempotency-Key: a retry answers the first answer and edits nothing more', async () => {
    const one = await create(t.staffA, { name: 'Gửi lại dán' });
    const payload = { changes: [{ id: one.id, version: 1, phone: '0999' }] };
    const send = () => t.app.inject({
      method: 'POST', url: '/api/customers/bulk-edit', payload, headers: { authorization: `Bearer ${t.staffA.token}`, 'idempotency-key': 'paste-1' },
    });
    const first = await send();
    const retry = await send();
    expect(first.statusCode).toBe(200);
    expect(retry.statusCode).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    expect(await customer(one.id)).toMatchObject({ phone: '0999', version: 2 });
  });

  it('is listed in the OpenAPI document', async () => {
    const paths = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths;
    expect(paths['/api/customers/bulk-edit'].post).toBeDefined();
  });
});
