import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { formatDate, todayInVietnam } from '../../shared/format';
import type { Customer } from '../../shared/schemas/customers';
import { signInThroughUi } from '../support/browser';
import { useBrowserApp } from '../support/browserApp';

const password = 'Staff-Pass-123';
/** Screenshots for a person to look at (1366×768, the office laptop). */
const shots = '/tmp/shots-pool';
const viewport = { width: 1366, height: 768 };

/** `yyyy-MM-dd`, `days` before today in Vietnam (after it, for a negative number). */
function daysAgo(days: number): string {
  const day = new Date(`${todayInVietnam()}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - days);
  return day.toISOString().slice(0, 10);
}

const quiet = ['Công ty TNHH Lâu Năm', 'Công ty CP Ngủ Đông'];
const busy = 'Công ty Năng Động';
const soon = 'Cửa hàng Sắp Đến Hạn';

const app = useBrowserApp(async ({ server, login, api }) => {
  await mkdir(shots, { recursive: true });
  const admin = await login('admin', server.adminPassword);
  const department = await api<{ id: number }>(admin, 'POST', '/api/departments', { name: 'Kinh doanh' });
  await api(admin, 'POST', '/api/users', { username: 'nv.an', password, fullName: 'Trần Văn An', departmentId: department.id, role: 'staff' });
  // Customers received 60 days ago: two last called 40 days ago, one 2 days ago, one 28 days ago.
  for (const [name, date] of [[quiet[0], daysAgo(40)], [quiet[1], daysAgo(40)], [busy, daysAgo(2)], [soon, daysAgo(28)]]) {
    const customer = await api<Customer>(admin, 'POST', '/api/customers', { name });
    await api(admin, 'POST', '/api/activities', { customerId: customer.id, subject: 'Gọi điện chăm sóc', type: 'call', status: 'done', date });
  }
  await server.db('customers').update({ owner_assigned_at: server.db.raw(`now() - interval '60 days'`) });
  return { admin };
});

const cellAt = (page: Page, rowIndex: number, colId: string) => page.locator(`.ag-row[row-index="${rowIndex}"] [col-id="${colId}"]`);
const gridRow = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('gridcell', { name, exact: true }) });
const customerNamed = async (name: string) =>
  (await app.api<{ rows: Customer[] }>(app.data.admin, 'GET', `/api/customers?name=${encodeURIComponent(name)}`)).rows.find((row) => row.name === name)!;

test('admin sets rule 1 and the claim limit, previews, runs Reset (an open pool grid shows the moved customers live); a staff member claims one and hits the limit on the next', { timeout: 120_000 }, async () => {
  // A staff member has the (empty) pool grid open all along: the run reaches it live.
  const staff = await app.newPage({ timeout: 20_000, viewport });
  await staff.page.goto(app.server.url);
  await signInThroughUi(staff.page, 'nv.an', password);
  await staff.page.getByRole('link', { name: 'Khách hàng chung' }).click();
  await expect.poll(() => staff.page.getByText('Tổng số: 0 khách hàng chung').count()).toBe(1);
  await staff.page.locator('html[data-live="connected"]').waitFor({ state: 'attached', timeout: 15_000 });

  const admin = await app.newPage({ timeout: 20_000, viewport });
  const { page } = admin;
  await page.goto(app.server.url);
  await signInThroughUi(page, 'admin', app.server.adminPassword);
  await page.getByRole('link', { name: 'Thiết lập' }).click();
  await page.getByRole('tab', { name: 'Khách hàng chung' }).click();
  await expect.poll(() => page.getByText('Đã dừng chạy tự động').count()).toBe(1);

  // Rule 1: days typed wrong first, refused at the field; then 30 days; a claim limit of 1 a day.
  const rule = page.getByRole('group', { name: 'Quy tắc 1: Không phát sinh giao dịch kể từ giao dịch gần nhất' });
  await rule.getByLabel('Áp dụng', { exact: true }).check();
  await rule.getByLabel('Số ngày').fill('0');
  await page.getByRole('button', { name: 'Thiết lập', exact: true }).click();
  await expect.poll(() => rule.getByRole('alert').textContent()).toBe('Nhập số nguyên từ 1 đến 3650.');
  await rule.getByLabel('Số ngày').fill('30');
  await page.getByLabel('Giới hạn số khách hàng mỗi người được nhận trong một ngày').check();
  await page.getByLabel('Số khách hàng mỗi ngày').fill('1');
  await page.getByRole('button', { name: 'Thiết lập', exact: true }).click();
  await expect.poll(() => page.getByText('Đã lưu thiết lập Khách hàng chung.').count()).toBe(1);
  const saved = await app.api<{ rules: { noActivitySinceLast: { enabled: boolean; days: number } }; claimLimit: { enabled: boolean; perDay: number } }>(
    app.data.admin, 'GET', '/api/pool/settings');
  expect(saved.rules.noActivitySinceLast).toMatchObject({ enabled: true, days: 30 });
  expect(saved.claimLimit).toEqual({ enabled: true, perDay: 1 });
  await page.getByRole('tab', { name: 'Khách hàng chung' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/pool-settings.png` });

  // Start / Stop switch the scheduled run; the state line follows.
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect.poll(() => page.getByText('Đang chạy tự động, mỗi 60 phút').count()).toBe(1);
  await expect.poll(() => page.getByText(/^Lần chạy tiếp theo: \d\d\/\d\d\/\d{4} \d\d:\d\d$/).count()).toBe(1);
  expect((await app.api<{ running: boolean }>(app.data.admin, 'GET', '/api/pool/settings')).running).toBe(true);
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect.poll(() => page.getByText('Đã dừng chạy tự động', { exact: true }).count()).toBe(1);

  // Xem trước (today): the two quiet customers, by rule 1, nothing moved.
  const preview = page.getByRole('region', { name: 'Xem trước' });
  await preview.getByRole('button', { name: 'Xem trước' }).click();
  await expect.poll(() => preview.getByRole('status').textContent()).toBe('2 khách hàng sẽ được chuyển');
  for (const name of quiet) await expect.poll(() => gridRow(page, name).count()).toBe(1);
  expect(await gridRow(page, busy).count()).toBe(0);
  expect(await gridRow(page, soon).count()).toBe(0);
  expect(await gridRow(page, quiet[0]).getByRole('gridcell', { name: 'Không có giao dịch kể từ giao dịch gần nhất' }).count()).toBe(1);
  expect(await gridRow(page, quiet[0]).getByRole('gridcell', { name: '40', exact: true }).count()).toBe(1);
  expect((await customerNamed(quiet[0])).inPool).toBe(false);
  await preview.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/pool-preview.png` });
  // As of 30 days from now the other two are past 30 days too; a date typed wrong is refused.
  await preview.getByLabel('Tính đến ngày').fill('31/02/2026');
  await preview.getByRole('button', { name: 'Xem trước' }).click();
  await expect.poll(() => preview.getByRole('alert').textContent()).toBe('Ngày không hợp lệ, vui lòng nhập theo dạng dd/mm/yyyy.');
  await preview.getByLabel('Tính đến ngày').fill(formatDate(daysAgo(-30)));
  await preview.getByRole('button', { name: 'Xem trước' }).click();
  await expect.poll(() => preview.getByRole('status').textContent()).toBe('4 khách hàng sẽ được chuyển');
  await expect.poll(() => gridRow(page, busy).getByRole('gridcell', { name: '32', exact: true }).count()).toBe(1);

  // Reset: asks, then moves them.
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await page.getByRole('dialog', { name: 'Chạy quy tắc ngay' }).getByRole('button', { name: 'Chạy ngay' }).click();
  await expect.poll(() => page.getByText('Đã chuyển 2 khách hàng vào Khách hàng chung').count()).toBe(1);
  await expect.poll(() => page.getByText(/Lần chạy gần nhất: \d\d\/\d\d\/\d{4} \d\d:\d\d, chuyển 2 khách hàng/).count()).toBe(1);
  expect((await customerNamed(quiet[0])).inPool).toBe(true);
  expect((await customerNamed(busy)).inPool).toBe(false);
  expect(admin.pageErrors).toEqual([]);

  // The staff member's grid shows the two without a reload; claim one (it leaves the grid), the next is past the limit.
  await expect.poll(() => staff.page.getByText('Tổng số: 2 khách hàng chung').count()).toBe(1);
  await expect.poll(() => staff.page.getByText('Hôm nay bạn đã nhận 0 / 1').count()).toBe(1);
  for (const name of quiet) await expect.poll(() => gridRow(staff.page, name).getByRole('gridcell', { name: 'Từ hôm nay', exact: true }).count()).toBe(1);
  expect(await gridRow(staff.page, quiet[0]).getByRole('gridcell', { name: 'Quản trị hệ thống', exact: true }).count()).toBe(1);
  // Time in the pool counts calendar days since it entered (as if three days ago).
  await app.server.db('customers').where({ name: quiet[1] }).update({ pool_entered_at: app.server.db.raw(`now() - interval '3 days'`) });
  await expect.poll(() => gridRow(staff.page, quiet[1]).getByRole('gridcell', { name: '3 ngày', exact: true }).count()).toBe(1);
  await staff.page.screenshot({ path: `${shots}/pool-grid.png` });

  await gridRow(staff.page, quiet[0]).getByRole('checkbox').check();
  await staff.page.getByRole('button', { name: 'Nhận', exact: true }).click();
  const report = staff.page.getByRole('dialog', { name: 'Kết quả nhận khách hàng' });
  await expect.poll(() => report.getByRole('status').textContent()).toBe('Đã nhận 1 khách hàng.');
  await expect.poll(() => report.getByText('Hôm nay bạn còn được nhận 0 khách hàng.').count()).toBe(1);
  await report.getByRole('button', { name: 'Đóng' }).click();
  await expect.poll(() => gridRow(staff.page, quiet[0]).count()).toBe(0);
  await expect.poll(() => staff.page.getByText('Hôm nay bạn đã nhận 1 / 1').count()).toBe(1);
  const claimed = await customerNamed(quiet[0]);
  expect(claimed).toMatchObject({ inPool: false, ownerName: 'Trần Văn An' });

  await gridRow(staff.page, quiet[1]).getByRole('checkbox').check();
  await staff.page.getByRole('button', { name: 'Nhận', exact: true }).click();
  await expect.poll(() => staff.page.getByRole('alert').textContent()).toBe(
    'Bạn đã đến giới hạn nhận khách hàng trong ngày: hôm nay chỉ còn được nhận 0 khách hàng. Chưa nhận khách hàng nào.',
  );
  await staff.page.screenshot({ path: `${shots}/pool-grid-limit.png` });
  expect((await customerNamed(quiet[1])).inPool).toBe(true);
  expect(await gridRow(staff.page, quiet[1]).count()).toBe(1);

  // The claimed customer's detail: the previous owner and its past activities, at once.
  await staff.page.getByRole('link', { name: 'Khách hàng', exact: true }).click();
  await staff.page.getByRole('gridcell', { name: quiet[0], exact: true }).dblclick();
  const detail = staff.page.getByRole('complementary', { name: quiet[0] });
  await expect.poll(() => detail.locator('.info-item').filter({ hasText: 'Người phụ trách trước' }).textContent()).toBe('Người phụ trách trướcQuản trị hệ thống');
  await detail.getByRole('tab', { name: 'Giao dịch' }).click();
  await expect.poll(() => detail.getByText('Gọi điện chăm sóc').count()).toBe(1);
  await staff.page.screenshot({ path: `${shots}/pool-claimed-detail.png` });
  expect(staff.pageErrors).toEqual([]);
});

test('an admin puts a customer into the pool from the customer grid and gives it to an owner from the pool grid; "Còn lại" counts down; staff read the settings only and meet the claim cooldown', { timeout: 120_000 }, async () => {
  // After the first test: rule 1 (30 days) on, the busy customer's last activity 2 days ago.
  const { page, pageErrors } = await app.newPage({ timeout: 20_000, viewport });
  await page.goto(app.server.url);
  await signInThroughUi(page, 'admin', app.server.adminPassword);
  await expect.poll(() => gridRow(page, busy).count()).toBe(1);

  // Còn lại: hidden until chosen; 28 days left for the busy customer.
  await page.getByRole('button', { name: 'Chọn cột' }).click();
  const chooser = page.getByRole('dialog', { name: 'Chọn cột' });
  await chooser.getByRole('checkbox', { name: 'Còn lại' }).check();
  await chooser.getByLabel('Ghim cột Còn lại').selectOption({ label: 'Ghim trái' });
  await chooser.getByRole('button', { name: 'Áp dụng' }).click();
  await expect.poll(() => page.getByRole('gridcell', { name: '28 ngày', exact: true }).count()).toBe(1);
  expect((await customerNamed(busy)).poolDaysLeft).toBe(28);
  // A claimed customer has the full 30 days again, counted from its receipt.
  expect(await gridRow(page, quiet[0]).getByRole('gridcell', { name: '30 ngày', exact: true }).count()).toBe(1);
  // Sorted by the server, fewest days first: 2 days left is red, 28 is not.
  await page.getByRole('columnheader', { name: 'Còn lại', exact: true }).click();
  await expect.poll(() => cellAt(page, 0, 'name').textContent()).toBe(soon);
  await expect.poll(() => cellAt(page, 0, 'poolDaysLeft').textContent()).toBe('2 ngày');
  expect(await cellAt(page, 0, 'poolDaysLeft').getAttribute('class')).toContain('pool-days-left-soon');
  expect(await cellAt(page, 1, 'name').textContent()).toBe(busy);
  expect(await cellAt(page, 1, 'poolDaysLeft').getAttribute('class')).not.toContain('pool-days-left-soon');
  await page.screenshot({ path: `${shots}/customers-days-left.png` });
  // An activity logged today (elsewhere) moves the busy customer's Còn lại to 30 days, live.
  await page.locator('html[data-live="connected"]').waitFor({ state: 'attached', timeout: 15_000 });
  await app.api(app.data.admin, 'POST', '/api/activities', { customerId: (await customerNamed(busy)).id, subject: 'Gặp khách hàng', type: 'meeting', status: 'done', date: daysAgo(0) });
  await expect.poll(() => gridRow(page, busy).getByRole('gridcell', { name: '30 ngày', exact: true }).count()).toBe(1);

  // Đưa vào Khách hàng chung: asks, moves, reports.
  await gridRow(page, busy).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Đưa vào Khách hàng chung', exact: true }).click();
  await page.getByRole('dialog', { name: 'Đưa vào Khách hàng chung' }).getByRole('button', { name: 'Đưa vào Khách hàng chung' }).click();
  const report = page.getByRole('dialog', { name: 'Đưa vào Khách hàng chung' });
  await expect.poll(() => report.getByRole('status').textContent()).toBe('Đã đưa 1 khách hàng vào Khách hàng chung.');
  await report.getByRole('button', { name: 'Đóng' }).click();
  expect((await customerNamed(busy)).inPool).toBe(true);

  // Khách hàng chung › Giao cho…: to Trần Văn An, it leaves the pool.
  await page.getByRole('link', { name: 'Khách hàng chung' }).click();
  await expect.poll(() => gridRow(page, busy).count()).toBe(1);
  await gridRow(page, busy).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Giao cho…' }).click();
  const assign = page.getByRole('dialog', { name: 'Giao khách hàng chung' });
  await assign.getByRole('combobox', { name: 'Người phụ trách mới' }).fill('an');
  await page.getByRole('option', { name: /Trần Văn An/ }).click();
  await assign.getByRole('button', { name: 'Giao', exact: true }).click();
  await expect.poll(() => page.getByText('Đã giao 1 khách hàng cho Trần Văn An.').count()).toBe(1);
  await expect.poll(() => gridRow(page, busy).count()).toBe(0);
  expect(await customerNamed(busy)).toMatchObject({ inPool: false, ownerName: 'Trần Văn An' });

  // A pool reminder's link: the customers a rule takes within 5 days, as a removable filter.
  await page.evaluate(() => {
    window.location.hash = '#/customers?poolDueWithin=5';
  });
  await expect.poll(() => page.getByText('Sắp vào Khách hàng chung (trong 5 ngày)').count()).toBe(1);
  await expect.poll(() => page.getByText('Tổng số: 1 khách hàng', { exact: true }).count()).toBe(1);
  expect(await gridRow(page, soon).count()).toBe(1);
  await page.getByRole('button', { name: 'Bỏ lọc khách hàng sắp vào Khách hàng chung' }).click();
  await expect.poll(() => page.getByText('Tổng số: 4 khách hàng', { exact: true }).count()).toBe(1);
  expect(pageErrors).toEqual([]);

  // Staff see Thiết lập › Khách hàng chung read-only, without the buttons.
  const staff = await app.newPage({ timeout: 20_000, viewport });
  await staff.page.goto(app.server.url);
  await signInThroughUi(staff.page, 'nv.an', password);
  await staff.page.getByRole('link', { name: 'Thiết lập' }).click();
  await staff.page.getByRole('tab', { name: 'Khách hàng chung' }).click();
  await expect.poll(() => staff.page.getByText('Chỉ quản trị viên được thay đổi thiết lập này.').count()).toBe(1);
  const rule = staff.page.getByRole('group', { name: 'Quy tắc 1: Không phát sinh giao dịch kể từ giao dịch gần nhất' });
  expect(await rule.getByLabel('Số ngày').inputValue()).toBe('30');
  expect(await rule.getByLabel('Số ngày').isDisabled()).toBe(true);
  expect(await staff.page.getByRole('button', { name: 'Reset', exact: true }).count()).toBe(0);

  // Cooldown: the pool takes An's customer; An may not claim it back for 7 days, and hears until when.
  // PUT takes back what GET answered (its run state is ignored).
  const settings = await app.api<Record<string, unknown>>(app.data.admin, 'GET', '/api/pool/settings');
  await app.api(app.data.admin, 'PUT', '/api/pool/settings', { ...settings, claimCooldownDays: 7 });
  await app.api(app.data.admin, 'POST', '/api/pool/add', { customerIds: [(await customerNamed(busy)).id] });
  await staff.page.getByRole('link', { name: 'Khách hàng chung' }).click();
  await gridRow(staff.page, busy).getByRole('checkbox').check();
  await staff.page.getByRole('button', { name: 'Nhận', exact: true }).click();
  await expect.poll(() => staff.page.getByRole('alert').textContent()).toMatch(/^1 khách hàng vừa được chuyển từ bạn vào Khách hàng chung; bạn có thể nhận lại từ ngày \d\d\/\d\d\/\d{4}$/);
  expect((await customerNamed(busy)).inPool).toBe(true);
  expect(staff.pageErrors).toEqual([]);
});
