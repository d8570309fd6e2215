import { beforeAll, describe, expect, it } from 'vitest';
import { useCompanyApp } from '../support/companyApp';

const t = useCompanyApp();
let customerId: number;
const subjects = (body: { rows: { subject: string }[] }) => body.rows.map((row) => row.subject);

beforeAll(async () => {
  customerId = (await t.staffA.call('POST', '/api/customers', { name: 'Công ty Hải Đăng' })).body.id;
  const other = (await t.staffB.call('POST', '/api/customers', { name: 'Khách của B' })).body.id;
  const activities = [
    { subject: 'Quá hạn lâu', status: 'not_started', date: '2026-01-05', type: 'call' },
    { subject: 'Quá hạn gần', status: 'in_progress', date: '2026-02-10', type: 'meeting' },
    { subject: 'Tương lai', status: 'not_started', date: '2027-06-01', type: 'call' },
    { subject: 'Đã xong cũ', status: 'done', date: '2025-12-01', type: 'email' },
    { subject: 'Đã xong mới', status: 'done', date: '2026-02-20', type: 'call' },
  ];
  for (const activity of activities) {
    expect((await t.staffA.call('POST', '/api/activities', { customerId, ...activity })).status).toBe(201);
  }
  await t.staffB.call('POST', '/api/activities', { customerId: other, subject: 'Việc của B', status: 'not_started', date: '2026-01-01', type: 'call' });
});

describe('GET /api/activities (contract details: filters and sort)', () => {
  it('sorts by due: open work by date (overdue first), then done work newest first', async () => {
    const page = await t.staffA.call('GET', '/api/activities?sort=due:asc');
    expect(page.status).toBe(200);
    expect(subjects(page.body)).toEqual(['Quá hạn lâu', 'Quá hạn gần', 'Tương lai', 'Đã xong mới', 'Đã xong cũ']);
  });

  it('filters by status, type, owner, date range (inclusive) and searches subject and customer without diacritics', async () => {
    expect(subjects((await t.staffA.call('GET', '/api/activities?status=done&sort=date:asc')).body)).toEqual(['Đã xong cũ', 'Đã xong mới']);
    expect(subjects((await t.staffA.call('GET', '/api/activities?type=call&sort=date:asc')).body)).toEqual(['Quá hạn lâu', 'Đã xong mới', 'Tương lai']);
    expect(subjects((await t.staffA.call('GET', '/api/activities?from=2026-01-05&to=2026-02-20&sort=date:asc')).body))
      .toEqual(['Quá hạn lâu', 'Quá hạn gần', 'Đã xong mới']);
    expect(subjects((await t.staffA.call('GET', '/api/activities?search=qua han&sort=date:asc')).body)).toEqual(['Quá hạn lâu', 'Quá hạn gần']);
    expect((await t.staffA.call('GET', '/api/activities?search=HAI DANG')).body.total).toBe(5);
    // Each word in the subject or in the customer's name; every word must be found; wildcards are literal.
    expect(subjects((await t.staffA.call('GET', '/api/activities?search=hai%20lau')).body)).toEqual(['Quá hạn lâu']);
    expect((await t.staffA.call('GET', '/api/activities?search=lau%20xong')).body.total).toBe(0);
    expect((await t.staffA.call('GET', '/api/activities?search=%25')).body.total).toBe(0);
    expect((await t.northManager.call('GET', `/api/activities?ownerId=${t.staffA.userId}`)).body.total).toBe(5);
    // Another staff member's activities stay invisible whatever the filter says.
    expect((await t.staffA.call('GET', `/api/activities?ownerId=${t.staffB.userId}`)).body.total).toBe(0);
  });

  it('searches the subject and customer name as they are now: after an edit, a rename, a new activity', async () => {
    const customer = (await t.staffA.call('POST', '/api/customers', { name: 'Công ty Bình Minh' })).body;
    const created = await t.staffA.call('POST', '/api/activities', { customerId: customer.id, subject: 'Gửi báo giá', status: 'not_started', date: '2026-03-01', type: 'email' });
    expect((await t.staffA.call('GET', '/api/activities?search=binh minh bao gia')).body.total).toBe(1);
    expect((await t.staffA.call('PATCH', `/api/activities/${created.body.id}`, { version: created.body.version, subject: 'Hẹn gặp' })).status).toBe(200);
    expect((await t.staffA.call('GET', '/api/activities?search=bao gia binh minh')).body.total).toBe(0);
    expect((await t.staffA.call('GET', '/api/activities?search=hen gap')).body.total).toBe(1);
    expect((await t.staffA.call('PATCH', `/api/customers/${customer.id}`, { version: customer.version, name: 'Công ty Rạng Đông' })).status).toBe(200);
    expect((await t.staffA.call('GET', '/api/activities?search=binh minh')).body.total).toBe(0);
    expect(subjects((await t.staffA.call('GET', '/api/activities?search=rang dong')).body)).toEqual(['Hẹn gặp']);
  });

  it('sorts by subject and customer, and refuses unknown sort keys and bad filters with the field', async () => {
    expect(subjects((await t.staffA.call('GET', '/api/activities?sort=subject:desc&limit=2')).body)).toEqual(['Tương lai', 'Quá hạn lâu']);
    const bad = await t.staffA.call('GET', '/api/activities?sort=password:asc');
    expect(bad.status).toBe(400);
    expect((await t.staffA.call('GET', `/api/activities?search=${'x'.repeat(201)}`)).status).toBe(400);
    // Quotes share the query but have no subject: 400 naming sort, not a database error.
    const quoteSort = await t.staffA.call('GET', '/api/quotes?sort=subject:asc');
    expect(quoteSort.status).toBe(400);
    expect(quoteSort.body.error.field).toBe('sort');
  });
});
