import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/apiClient';
import { useCompanyApp } from '../support/companyApp';

const t = useCompanyApp();

type Sheet = ExcelJS.Worksheet;

async function parse(buffer: Buffer): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook.worksheets[0];
}

async function exportOf(client: ApiClient, method: 'GET' | 'POST', url: string, payload?: unknown): Promise<{ sheet: Sheet; exportId: number; buffer: Buffer }> {
  const response = await t.app.inject({ method, url, payload: payload as object | undefined, headers: { authorization: `Bearer ${client.token}` } });
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  return { sheet: await parse(response.rawPayload), exportId: Number(response.headers['x-export-id']), buffer: response.rawPayload };
}

const headers = (sheet: Sheet) => (sheet.getRow(1).values as unknown[]).slice(1);
const column = (sheet: Sheet, index: number) => {
  const values: unknown[] = [];
  sheet.eachRow((row, number) => {
    if (number > 1) values.push(row.getCell(index).value);
  });
  return values;
};
/** One line of LibreOffice's CSV (fields quoted or not, "" inside quotes). */
function csvFields(line: string): string[] {
  return [...line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)].map((match) => (match[1] !== undefined ? match[1].replaceAll('""', '"') : match[2]));
}
const dataRows = (sheet: Sheet) => sheet.actualRowCount - 1;

let customers: Record<string, number>;

async function createCustomer(client: ApiClient, body: Record<string, unknown>): Promise<number> {
  const response = await client.call('POST', '/api/customers', body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id;
}

async function createActivity(client: ApiClient, customerId: number, subject: string, date: string, extra: Record<string, unknown> = {}): Promise<number> {
  const response = await client.call('POST', '/api/activities', { customerId, subject, date, type: 'call', status: 'not_started', ...extra });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id;
}

beforeAll(async () => {
  customers = {
    an: await createCustomer(t.staffA, { name: 'Xuất Công ty An', email: 'an@example.vn', phone: '0901000001' }),
    binh: await createCustomer(t.staffB, { name: 'Xuất Công ty Bình' }),
    sharedToC: await createCustomer(t.staffA, { name: 'Xuất Chia sẻ cho Cường' }),
  };
  await createActivity(t.staffA, customers.an, 'Gọi chào hàng', '2026-03-05', { status: 'done', description: 'Đã gọi' });
  await createActivity(t.staffA, customers.an, 'Gặp giám đốc', '2026-04-10', { type: 'meeting', status: 'in_progress' });
  await createActivity(t.staffB, customers.binh, 'Gửi báo giá Bình', '2026-02-01');
  await createActivity(t.staffA, customers.sharedToC, 'Việc của khách chia sẻ', '2026-01-15');
  // Contracts make revenue; C sees the shared customer's general info only.
  expect((await t.staffA.call('POST', '/api/contracts', { customerId: customers.an, date: '2026-03-01', value: 12345678 })).status).toBe(201);
  expect((await t.staffA.call('POST', '/api/contracts', { customerId: customers.sharedToC, date: '2026-03-01', value: 5000000 })).status).toBe(201);
  const share = await t.staffA.call('POST', '/api/customers/share', { customerIds: [customers.sharedToC], userIds: [t.staffC.userId], infoTypes: ['general'], mode: 'add' });
  expect(share.status, JSON.stringify(share.body)).toBe(200);
});

describe('activities export', () => {
  it('writes Vietnamese headers, Excel dates, labels, frozen header, autofilter and widths', async () => {
    const { sheet } = await exportOf(t.staffA, 'GET', '/api/activities/export?search=xuat%20cong%20ty%20an');
    expect(sheet.name).toBe('Giao dịch');
    expect(headers(sheet)).toEqual(['Ngày', 'Khách hàng', 'Loại giao dịch', 'Tiêu đề', 'Trạng thái', 'Người thực hiện', 'Mô tả', 'Ngày tạo']);
    expect(dataRows(sheet)).toBe(2);
    // Newest first.
    const date = sheet.getRow(2).getCell(1);
    expect(date.value).toBeInstanceOf(Date);
    expect((date.value as Date).toISOString()).toBe('2026-04-10T00:00:00.000Z');
    expect(date.numFmt).toBe('dd/mm/yyyy');
    expect(column(sheet, 3)).toEqual(['Gặp mặt', 'Gọi điện']);
    expect(column(sheet, 5)).toEqual(['Đang thực hiện', 'Đã hoàn thành']);
    expect(column(sheet, 6)).toEqual(['Nguyễn Văn An', 'Nguyễn Văn An']);
    expect(sheet.getRow(2).getCell(8).value).toBeInstanceOf(Date);
    expect(sheet.getRow(2).getCell(8).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:H1');
    expect(sheet.getColumn(2).width).toBe(36);
    expect(sheet.getRow(1).font?.bold).toBe(true);
  });

  it('takes the grid columns in order and refuses an unknown column', async () => {
    const { sheet } = await exportOf(t.staffA, 'GET', '/api/activities/export?columns=subject,date&from=2026-03-01&to=2026-03-31');
    expect(headers(sheet)).toEqual(['Tiêu đề', 'Ngày']);
    expect(column(sheet, 1)).toEqual(['Gọi chào hàng']);
    const refused = await t.staffA.call('GET', '/api/activities/export?columns=subject,password');
    expect(refused.status).toBe(400);
    expect(refused.body.error.field).toBe('columns');
  });

  it('filters by status, type, owner and sorts as asked', async () => {
    expect(column((await exportOf(t.admin, 'GET', '/api/activities/export?status=done&columns=subject')).sheet, 1)).toEqual(['Gọi chào hàng']);
    expect(column((await exportOf(t.admin, 'GET', '/api/activities/export?type=meeting&columns=subject')).sheet, 1)).toEqual(['Gặp giám đốc']);
    expect(column((await exportOf(t.admin, 'GET', `/api/activities/export?ownerId=${t.staffB.userId}&columns=subject`)).sheet, 1)).toEqual(['Gửi báo giá Bình']);
    expect(column((await exportOf(t.admin, 'GET', `/api/activities/export?customerId=${customers.an}&sort=date:asc&columns=subject`)).sheet, 1)).toEqual(['Gọi chào hàng', 'Gặp giám đốc']);
  });

  it('exports only what the caller may see; a share without activities exports none of them', async () => {
    const own = await exportOf(t.staffB, 'GET', '/api/activities/export?columns=subject');
    expect(column(own.sheet, 1)).toEqual(['Gửi báo giá Bình']);
    const shared = await exportOf(t.staffC, 'GET', '/api/activities/export?columns=subject');
    expect(dataRows(shared.sheet)).toBe(0);
    expect(headers(shared.sheet)).toEqual(['Tiêu đề']);
    const manager = await exportOf(t.northManager, 'GET', '/api/activities/export?columns=subject');
    expect(dataRows(manager.sheet)).toBe(4);
  });

  it('exports selected ids, leaving out the ones the caller may not see', async () => {
    const all = (await t.admin.call('GET', '/api/activities?limit=100')).body.rows as { id: number; subject: string }[];
    const ids = all.map((row) => row.id);
    const { sheet } = await exportOf(t.staffB, 'POST', '/api/activities/export', { ids, columns: 'subject,customerName' });
    expect(column(sheet, 1)).toEqual(['Gửi báo giá Bình']);
    expect(column(sheet, 2)).toEqual(['Xuất Công ty Bình']);
  });
});

describe('customers export', () => {
  it('writes revenue as VND numbers where contracts are visible, masked elsewhere', async () => {
    const { sheet } = await exportOf(t.staffA, 'GET', '/api/customers/export?search=xuat&columns=name,revenue,createdAt,email');
    expect(headers(sheet)).toEqual(['Tên khách hàng', 'Doanh thu', 'Ngày tạo', 'Email']);
    expect(column(sheet, 1)).toEqual(['Xuất Chia sẻ cho Cường', 'Xuất Công ty An']);
    expect(column(sheet, 2)).toEqual([5000000, 12345678]);
    expect(sheet.getRow(3).getCell(2).numFmt).toBe('#,##0 "₫"');
    expect(sheet.getRow(3).getCell(3).value).toBeInstanceOf(Date);
    expect(column(sheet, 4)).toEqual([null, 'an@example.vn']);
    const shared = await exportOf(t.staffC, 'GET', '/api/customers/export?search=xuat&columns=name,revenue');
    expect(column(shared.sheet, 1)).toEqual(['Xuất Chia sẻ cho Cường']);
    expect(column(shared.sheet, 2)).toEqual([null]);
  });

  it('POST takes ids or a filter, and the sort of the grid', async () => {
    const picked = await exportOf(t.admin, 'POST', '/api/customers/export', { ids: [customers.binh, customers.an], columns: 'name' });
    expect(column(picked.sheet, 1)).toEqual(['Xuất Công ty An', 'Xuất Công ty Bình']);
    const sorted = await exportOf(t.admin, 'POST', '/api/customers/export', { filter: { search: 'xuat cong ty' }, sort: 'name:desc', columns: 'name,ownerName' });
    expect(column(sorted.sheet, 1)).toEqual(['Xuất Công ty Bình', 'Xuất Công ty An']);
    expect(column(sorted.sheet, 2)).toEqual(['Phạm Thị Bình', 'Nguyễn Văn An']);
    const excluded = await exportOf(t.admin, 'POST', '/api/customers/export', { filter: { search: 'xuat cong ty' }, excludeIds: [customers.an], columns: 'name' });
    expect(column(excluded.sheet, 1)).toEqual(['Xuất Công ty Bình']);
    const hidden = await exportOf(t.staffB, 'POST', '/api/customers/export', { ids: [customers.an], columns: 'name' });
    expect(dataRows(hidden.sheet)).toBe(0);
  });

  it('opens in LibreOffice with the same rows', async () => {
    if (!existsSync('/usr/bin/soffice')) {
      console.warn('soffice missing: LibreOffice conversion not checked');
      return;
    }
    const { buffer } = await exportOf(t.staffA, 'GET', '/api/customers/export?search=xuat&columns=code,name,revenue,createdAt');
    const dir = await mkdtemp(path.join(tmpdir(), 'crm-export-'));
    try {
      await writeFile(path.join(dir, 'khach-hang.xlsx'), buffer);
      await promisify(execFile)('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', // comma, double quotes, UTF-8
         '--outdir', dir, path.join(dir, 'khach-hang.xlsx')], { timeout: 120_000 });
      const lines = (await readFile(path.join(dir, 'khach-hang.csv'), 'utf8')).trim().split(/\r?\n/).map(csvFields);
      expect(lines[0]).toEqual(['Mã khách hàng', 'Tên khách hàng', 'Doanh thu', 'Ngày tạo']);
      expect(lines).toHaveLength(3);
      // Formatted as the cells show: VND with LibreOffice's default (en-US) separators, dd/MM/yyyy.
      expect(lines[2].slice(1, 3)).toEqual(['Xuất Công ty An', '12,345,678 ₫']);
      expect(lines[2][3]).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 150_000);
});

describe('opportunities export', () => {
  it('writes stage labels, probability as a percentage, money and dates', async () => {
    const created = await t.staffA.call('POST', '/api/opportunities', {
      name: 'Xuất cơ hội lớn', customerId: customers.an, ownerId: t.staffA.userId, stage: 'negotiation', expectedDate: '2026-06-30', probability: 40, expectedRevenue: 250000000,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { sheet } = await exportOf(t.staffA, 'GET', '/api/opportunities/export?name=xuat&columns=number,name,stage,probability,expectedRevenue,expectedDate');
    expect(headers(sheet)).toEqual(['Số cơ hội', 'Tên cơ hội', 'Giai đoạn', 'Xác suất', 'Doanh thu kỳ vọng', 'Ngày kỳ vọng']);
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toMatch(/^CH\d{6}$/);
    expect(row.getCell(3).value).toBe('Đàm phán');
    expect(row.getCell(4).value).toBe(0.4);
    expect(row.getCell(4).numFmt).toBe('0%');
    expect(row.getCell(5).value).toBe(250000000);
    expect(row.getCell(5).numFmt).toBe('#,##0 "₫"');
    expect((row.getCell(6).value as Date).toISOString()).toBe('2026-06-30T00:00:00.000Z');
    expect(dataRows((await exportOf(t.staffB, 'GET', '/api/opportunities/export?name=xuat')).sheet)).toBe(0);
  });
});

describe('download tickets', () => {
  const ticketFor = async (client: ApiClient, body: unknown = { list: 'activities', query: { columns: 'subject' } }) => {
    const response = await client.call('POST', '/api/exports/ticket', body);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as { ticket: string; url: string; exportId: number };
  };
  const download = (url: string) => t.app.inject({ method: 'GET', url });

  it('downloads once without a bearer token, as the user who asked', async () => {
    const { url, exportId } = await ticketFor(t.staffB, { list: 'activities', query: { filter: { status: 'not_started' }, columns: 'subject' } });
    const first = await download(url);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-disposition']).toMatch(/^attachment; filename="giao-dich-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    expect(column(await parse(first.rawPayload), 1)).toEqual(['Gửi báo giá Bình']);
    expect(Number(first.headers['x-export-id'])).toBe(exportId);
    expect((await download(url)).statusCode).toBe(401);
  });

  it('refuses an expired ticket, another purpose, and another user’s export', async () => {
    const expired = await ticketFor(t.staffA);
    await t.db('live_tickets').update({ expires_at: t.db.raw("now() - interval '1 second'") }).where('subject_id', expired.exportId);
    expect((await download(expired.url)).statusCode).toBe(401);

    const events = (await t.staffA.call('POST', '/api/events/ticket')).body.ticket as string;
    expect((await download(`/api/exports/download?ticket=${events}`)).statusCode).toBe(401);
    const exportTicket = await ticketFor(t.staffA);
    expect((await t.app.inject({ method: 'GET', url: `/api/events?ticket=${exportTicket.ticket}` })).statusCode).toBe(401);

    // A's ticket pointed at B's export opens nothing.
    const mine = await ticketFor(t.staffA);
    const theirs = await ticketFor(t.staffB);
    await t.db('live_tickets').update({ subject_id: theirs.exportId }).where('subject_id', mine.exportId);
    expect((await download(mine.url)).statusCode).toBe(401);
    expect((await t.staffA.call('GET', `/api/exports/${theirs.exportId}`)).status).toBe(404);
  });

  it('checks the query when the ticket is asked for', async () => {
    const refused = await t.staffA.call('POST', '/api/exports/ticket', { list: 'customers', query: { columns: 'name,secret' } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.field).toBe('columns');
    expect((await t.staffA.call('POST', '/api/exports/ticket', { list: 'payments', query: {} })).status).toBe(400);
    expect((await t.staffA.call('POST', '/api/exports/ticket', { list: 'activities', query: { sort: 'secret:asc' } })).status).toBe(400);
  });
});

describe('unknown fields in export requests', () => {
  // A misspelt filter key must not widen the export to every row the caller may see.
  const refusals: [string, unknown, string][] = [
    ['/api/exports/ticket', { list: 'customers', query: { filter: { serach: 'An' } } }, 'query.filter.serach'],
    ['/api/exports/ticket', { list: 'activities', query: { filter: { statuss: 'done' } } }, 'query.filter.statuss'],
    ['/api/exports/ticket', { list: 'opportunities', query: { filter: { stag: 'won' } } }, 'query.filter.stag'],
    ['/api/exports/ticket', { list: 'opportunities', query: { fitler: { stage: 'won' } } }, 'query.fitler'],
    ['/api/exports/ticket', { list: 'activities', query: {}, format: 'csv' }, 'format'],
    ['/api/customers/export', { filter: { serach: 'An' } }, 'filter.serach'],
    ['/api/customers/export', { ids: [1], colums: 'name' }, 'colums'],
    ['/api/activities/export', { ids: [1], filter: { status: 'done' } }, 'filter'],
  ];

  it('answers 400 naming the field, and starts no export', async () => {
    const before = await t.db('exports').count<{ n: string }[]>('* as n');
    for (const [url, body, field] of refusals) {
      const response = await t.staffA.call('POST', url, body);
      expect(response.status, `${url} ${JSON.stringify(body)}`).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_ERROR');
      expect(response.body.error.field).toBe(field);
      expect(response.body.error.message).toBe(`Invalid body field "${field}": unknown field`);
    }
    const unknownList = await t.staffA.call('POST', '/api/exports/ticket', { list: 'payments', query: {} });
    expect(unknownList.body.error.field).toBe('list');
    expect(await t.db('exports').count<{ n: string }[]>('* as n')).toEqual(before);
  });

  it('refuses an unknown key of the GET exports too', async () => {
    for (const [url, field] of [['/api/customers/export?serach=An', 'serach'], ['/api/activities/export?statuss=done', 'statuss'], ['/api/opportunities/export?stag=won', 'stag']]) {
      const response = await t.staffA.call('GET', url);
      expect(response.status, url).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'VALIDATION_ERROR', field, message: `Invalid querystring field "${field}": unknown field` });
    }
  });

  it('still takes every known filter key of each list', async () => {
    const accepted = [
      { list: 'customers', query: { filter: { search: 'xuat', stars: [0, 1] }, sort: 'name:asc', columns: 'name' } },
      { list: 'activities', query: { filter: { status: 'done', from: '2026-01-01' }, excludeIds: [1], columns: 'subject' } },
      { list: 'opportunities', query: { filter: { stage: 'following', name: 'xuat' }, columns: 'name' } },
    ];
    for (const body of accepted) {
      const response = await t.staffA.call('POST', '/api/exports/ticket', body);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
    }
  });
});

describe('recent exports and audit', () => {
  it('lists the caller’s exports with list, filter and rows, and audits each', async () => {
    const { exportId } = await exportOf(t.staffB, 'GET', '/api/activities/export?status=not_started&columns=subject,date');
    const recent = await t.staffB.call('GET', '/api/exports/recent');
    expect(recent.status).toBe(200);
    const entry = recent.body.find((row: { id: number }) => row.id === exportId);
    expect(entry).toMatchObject({ list: 'activities', filter: { status: 'not_started' }, columns: ['subject', 'date'], status: 'done', rowsWritten: 1, total: 1 });
    expect(recent.body.every((row: { id: number }) => row.id !== undefined)).toBe(true);
    const others = (await t.staffA.call('GET', '/api/exports/recent')).body as { id: number }[];
    expect(others.some((row) => row.id === exportId)).toBe(false);
    const audit = await t.db('audit_log').where({ action: 'export', entity: 'activities', user_id: t.staffB.userId }).whereRaw(`(detail->>'exportId')::bigint = ?`, [exportId]).first();
    expect(audit.detail).toMatchObject({ rows: 1, status: 'done', filter: { status: 'not_started' } });
  });
});

describe('cancel', () => {
  it('a download aborted mid-stream stops the cursor, releases its connection and is marked cancelled', async () => {
    const rows = 60_000;
    await t.db.raw(`INSERT INTO activities (customer_id, owner_id, type, subject, date, status)
      SELECT ?, ?, 'call', 'Hàng loạt ' || g, DATE '2025-01-01' + (g % 365), 'done' FROM generate_series(1, ?) g`, [customers.binh, t.staffB.userId, rows]);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const { url, exportId } = (await t.staffB.call('POST', '/api/exports/ticket', { list: 'activities', query: {} })).body;
    await new Promise<void>((resolve, reject) => {
      const request = http.get(`http://127.0.0.1:${port}${url}`, (response) => {
        expect(response.statusCode).toBe(200);
        response.once('data', () => {
          // Stop reading: the server waits on back-pressure, then the client goes away.
          response.pause();
          setTimeout(() => {
            request.destroy();
            resolve();
          }, 500);
        });
      });
      request.on('error', (error) => (error.message.includes('socket hang up') || error.message.includes('aborted') ? resolve() : reject(error)));
    });
    await expect.poll(async () => (await t.db('exports').where({ id: exportId }).first()).status).toBe('cancelled');
    const row = await t.db('exports').where({ id: exportId }).first();
    expect(row.rows_written).toBeLessThan(rows);
    const pool = (t.db.client as { pool: { numUsed(): number } }).pool;
    await expect.poll(() => pool.numUsed()).toBe(0);
    const cursors = await t.db.raw(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'FETCH%' AND state <> 'idle'`);
    expect(cursors.rows[0].n).toBe(0);
    expect((await t.staffB.call('GET', `/api/exports/${exportId}`)).body.status).toBe('cancelled');
  }, 60_000);

  it('POST /api/exports/:id/cancel stops a running export of the caller only', async () => {
    const { exportId } = (await t.staffB.call('POST', '/api/exports/ticket', { list: 'activities', query: {} })).body;
    expect((await t.staffA.call('POST', `/api/exports/${exportId}/cancel`)).status).toBe(404);
    expect((await t.staffB.call('POST', `/api/exports/${exportId}/cancel`)).status).toBe(200);
    expect((await t.db('exports').where({ id: exportId }).first()).cancel_requested).toBe(true);
  });
});
