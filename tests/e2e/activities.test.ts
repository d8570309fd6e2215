import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { formatDate, todayInVietnam } from '../../shared/format';
import type { Customer } from '../../shared/schemas/customers';
import { screenshotDir, signInThroughUi } from '../support/browser';
import { useBrowserApp } from '../support/browserApp';
import { sheetOf } from '../support/sheetOf';

const password = 'Staff-Pass-123';
/** Where the screenshots for a person to look at go, besides the tests' own folder. */
const shots = process.env.CRM_SHOTS_DIR ?? screenshotDir;

/** The Vietnamese calendar day `days` after today (negative: before), as yyyy-MM-dd. */
const dayFromToday = (days: number) => {
  const day = new Date(`${todayInVietnam()}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
};

const overdueOld = { subject: 'Gọi nhắc thanh toán', type: 'call', status: 'not_started', date: dayFromToday(-7) };
const overdue = { subject: 'Gọi lại báo giá máy lọc', type: 'call', status: 'in_progress', date: dayFromToday(-3) };
const today = { subject: 'Gặp mặt ký hợp đồng', type: 'meeting', status: 'not_started', date: dayFromToday(0) };
const future = { subject: 'Gửi email giới thiệu', type: 'email', status: 'not_started', date: dayFromToday(5) };
const done = { subject: 'Thăm nhà máy', type: 'visit', status: 'done', date: dayFromToday(-10) };
/** The manager's own, on his own customer: Lan (staff) never sees it. */
const managersDone = { subject: 'Tổng kết hợp đồng năm', type: 'meeting', status: 'done', date: dayFromToday(-20) };
const lansOrder = [overdueOld.subject, overdue.subject, today.subject, future.subject, done.subject];

const app = useBrowserApp(async ({ server, login, api }) => {
  const admin = await login('admin', server.adminPassword);
  const department = await api<{ id: number }>(admin, 'POST', '/api/departments', { name: 'Kinh doanh' });
  await api(admin, 'POST', '/api/users', { username: 'truongphong.hung', password, fullName: 'Nguyễn Văn Hùng', departmentId: department.id, role: 'manager' });
  await api(admin, 'POST', '/api/users', { username: 'nhanvien.lan', password, fullName: 'Trần Thị Lan', departmentId: department.id, role: 'staff' });
  const manager = await login('truongphong.hung', password);
  const thepViet = await api<Customer>(manager, 'POST', '/api/customers', { name: 'Công ty CP Thép Việt' });
  await api(manager, 'POST', '/api/activities', { ...managersDone, customerId: thepViet.id });
  const token = await login('nhanvien.lan', password);
  const minhKhang = await api<Customer>(token, 'POST', '/api/customers', { name: 'Công ty TNHH Minh Khang' });
  const binhAn = await api<Customer>(token, 'POST', '/api/customers', { name: 'Cửa hàng Bình An' });
  for (const activity of [overdueOld, overdue, today]) await api(token, 'POST', '/api/activities', { ...activity, customerId: minhKhang.id });
  for (const activity of [future, done]) await api(token, 'POST', '/api/activities', { ...activity, customerId: binhAn.id });
  return { token };
});

/** The subjects of the rows shown, in display order. */
const shownSubjects = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[role="row"][row-index]')]
      .filter((row) => row.querySelector('[col-id="subject"]'))
      .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
      .map((row) => row.querySelector('[col-id="subject"]')?.textContent ?? ''),
  );
const totalShown = (page: Page, count: number) => expect.poll(() => page.getByText(`Tổng số: ${count} giao dịch`, { exact: true }).count()).toBe(1);
/** The grid row (pinned checkbox cell and scrolling cells share one row element) showing `text` in a cell. */
const gridRow = (page: Page, text: string) => page.getByRole('row').filter({ has: page.getByRole('gridcell', { name: text, exact: true }) });

/** Signs in on a new page and opens Giao dịch. */
async function openActivities(username: string) {
  const opened = await app.newPage({ viewport: { width: 1600, height: 900 }, timeout: 30_000 });
  await opened.page.goto(app.server.url);
  await signInThroughUi(opened.page, username, password);
  await opened.page.getByRole('link', { name: 'Giao dịch' }).click();
  return opened;
}

// Runs first: the manager's test below adds an activity for Lan.
test('Giao dịch (staff): the activities of her customers only, no owner picker', { timeout: 60_000 }, async () => {
  const { page, pageErrors } = await openActivities('nhanvien.lan');
  await totalShown(page, 5);
  await expect.poll(() => shownSubjects(page)).toEqual(lansOrder);
  expect(await page.getByRole('combobox', { name: 'Người thực hiện' }).count()).toBe(0);
  await page.screenshot({ path: `${shots}/activities-staff.png` });
  expect(pageErrors).toEqual([]);
});

test('Giao dịch (a manager): open work first, the filter bar with chips, Thêm giao dịch for a staff member, export of the selected rows', { timeout: 120_000 }, async () => {
  const { page, pageErrors } = await openActivities('truongphong.hung');
  await totalShown(page, 6);

  // Hạn (due:asc) is the first sort, shown on its header: overdue oldest first, today, upcoming, then done newest first.
  await expect.poll(() => shownSubjects(page)).toEqual([...lansOrder, managersDone.subject]);
  expect(await page.getByRole('columnheader', { name: 'Hạn' }).getAttribute('aria-sort')).toBe('ascending');
  const overdueRow = gridRow(page, overdue.subject);
  expect(await overdueRow.locator('[col-id="due"]').textContent()).toBe('Quá hạn');
  expect(await overdueRow.locator('[col-id="date"]').getAttribute('class')).toContain('activity-date-overdue');
  expect(await overdueRow.first().getAttribute('class')).toContain('activity-row-overdue');
  expect(await gridRow(page, today.subject).first().getAttribute('class')).toContain('activity-row-today');
  expect(await gridRow(page, future.subject).first().getAttribute('class')).not.toContain('activity-row-today');
  expect(await gridRow(page, done.subject).locator('[col-id="due"]').textContent()).toBe('Đã xong');
  expect(await gridRow(page, done.subject).locator('[col-id="date"]').getAttribute('class')).not.toContain('activity-date-overdue');
  await page.screenshot({ path: `${shots}/activities-grid.png` });

  // A header click sorts on the server.
  const sortRequest = page.waitForRequest((request) => request.url().includes('sort=subject%3Aasc'));
  await page.getByRole('columnheader', { name: 'Tiêu đề' }).click();
  await sortRequest;
  await expect.poll(() => shownSubjects(page)).toEqual([today.subject, overdue.subject, overdueOld.subject, future.subject, done.subject, managersDone.subject]);
  await page.getByRole('columnheader', { name: 'Hạn' }).click();
  await expect.poll(() => shownSubjects(page)).toEqual([...lansOrder, managersDone.subject]);

  // Search (ignoring diacritics), type, status: each a chip; Xóa bộ lọc drops them all.
  await page.getByRole('searchbox', { name: 'Tìm tiêu đề, khách hàng' }).fill('thanh toan');
  await totalShown(page, 1);
  await expect.poll(() => shownSubjects(page)).toEqual([overdueOld.subject]);
  await page.getByRole('button', { name: 'Bỏ lọc Tìm: “thanh toan”' }).click();
  await totalShown(page, 6);
  await page.getByLabel('Loại giao dịch').selectOption({ label: 'Gọi điện' });
  await totalShown(page, 2);
  await expect.poll(() => shownSubjects(page)).toEqual([overdueOld.subject, overdue.subject]);
  await page.getByLabel('Trạng thái').selectOption({ label: 'Đang thực hiện' });
  await totalShown(page, 1);
  await expect.poll(() => page.locator('.chip').allTextContents()).toEqual(['Loại: Gọi điện×', 'Trạng thái: Đang thực hiện×']);
  await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
  await totalShown(page, 6);
  expect(await page.locator('.chip').count()).toBe(0);

  // The owner picker (managers and admins): Lan's five.
  await page.getByLabel('Người thực hiện').click();
  await page.getByLabel('Người thực hiện').fill('lan');
  await page.getByRole('option', { name: 'Trần Thị Lan' }).click();
  await totalShown(page, 5);
  await expect.poll(() => shownSubjects(page)).toEqual(lansOrder);
  await page.getByRole('button', { name: 'Bỏ lọc Người thực hiện: Trần Thị Lan' }).click();
  await totalShown(page, 6);

  // A period, then a range typed dd/MM/yyyy (applied once typing pauses).
  const range = page.getByRole('group', { name: 'Ngày', exact: true });
  await range.getByLabel('Kỳ').selectOption({ label: 'Hôm nay' });
  await totalShown(page, 1);
  await expect.poll(() => shownSubjects(page)).toEqual([today.subject]);
  await expect.poll(() => page.locator('.chip').allTextContents()).toEqual(['Ngày: Hôm nay×']);
  await range.getByLabel('Từ ngày').fill(formatDate(dayFromToday(-4)));
  await totalShown(page, 2);
  await expect.poll(() => shownSubjects(page)).toEqual([overdue.subject, today.subject]);
  await expect.poll(() => page.locator('.chip').allTextContents()).toEqual([`Ngày: ${formatDate(dayFromToday(-4))} – ${formatDate(dayFromToday(0))}×`]);
  await range.getByLabel('Đến ngày').fill('31/02/2026');
  await expect.poll(() => page.getByRole('alert').textContent()).toBe('Ngày không hợp lệ, vui lòng nhập theo dạng dd/mm/yyyy.');
  await totalShown(page, 2);

  // Xuất khẩu of all matching sends every filter in force.
  await page.getByLabel('Người thực hiện').click();
  await page.getByLabel('Người thực hiện').fill('Lan');
  await page.getByRole('option', { name: 'Trần Thị Lan' }).click();
  await range.getByLabel('Đến ngày').fill(formatDate(dayFromToday(0)));
  await page.getByLabel('Loại giao dịch').selectOption({ label: 'Gọi điện' });
  await page.getByRole('searchbox', { name: 'Tìm tiêu đề, khách hàng' }).fill('bao gia');
  await page.getByLabel('Trạng thái').selectOption({ label: 'Đang thực hiện' });
  // Type and status alone already leave one row: wait for the search (applied once typing pauses) to be in force too.
  await expect
    .poll(() => page.locator('.chip').allTextContents())
    .toEqual(['Tìm: “bao gia”', `Ngày: ${formatDate(dayFromToday(-4))} – ${formatDate(dayFromToday(0))}`, 'Loại: Gọi điện', 'Trạng thái: Đang thực hiện', 'Người thực hiện: Trần Thị Lan'].map((chip) => `${chip}×`));
  await totalShown(page, 1);
  await page.screenshot({ path: `${shots}/activities-filtered.png` });
  await page.getByRole('button', { name: 'Xuất khẩu', exact: true }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Xuất khẩu ra Excel' });
  const ticket = page.waitForRequest((request) => request.url().endsWith('/api/exports/ticket'));
  const filteredDownload = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Xuất khẩu', exact: true }).click();
  const { query } = (await ticket).postDataJSON();
  expect(query.filter).toEqual({ search: 'bao gia', from: dayFromToday(-4), to: dayFromToday(0), type: 'call', status: 'in_progress', ownerId: expect.any(Number) });
  const filteredSheet = await sheetOf(await (await filteredDownload).path());
  expect(filteredSheet.rowCount).toBe(2);
  expect(filteredSheet.getRow(2).getCell(4).value).toBe(overdue.subject);
  await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
  await totalShown(page, 6);

  // Thêm giao dịch: the customer is picked in the form, the owner is the manager unless he picks one of his staff;
  // the new one (today, open) shows among today's.
  await page.getByRole('button', { name: 'Thêm giao dịch' }).click();
  const form = page.getByRole('dialog', { name: 'Thêm giao dịch' });
  await form.getByLabel('Tiêu đề').fill('Tư vấn lõi lọc thay thế');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect.poll(() => form.getByRole('alert').allTextContents()).toEqual(['Vui lòng chọn khách hàng.']);
  const customer = form.getByRole('combobox', { name: /^Khách hàng/ });
  await customer.click();
  await customer.fill('minh khang');
  await page.getByRole('option', { name: /Công ty TNHH Minh Khang/ }).click();
  const owner = form.getByRole('combobox', { name: /^Người thực hiện/ });
  expect(await owner.inputValue()).toBe('Nguyễn Văn Hùng');
  await owner.click();
  await owner.fill('lan');
  await page.getByRole('option', { name: /Trần Thị Lan/ }).click();
  await page.screenshot({ path: `${shots}/activities-form.png` });
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect.poll(() => form.count()).toBe(0);
  await totalShown(page, 7);
  await expect.poll(() => shownSubjects(page)).toEqual(expect.arrayContaining(['Tư vấn lõi lọc thay thế']));
  expect((await shownSubjects(page)).slice(0, 2)).toEqual([overdueOld.subject, overdue.subject]);
  const added = gridRow(page, 'Tư vấn lõi lọc thay thế');
  expect(await added.locator('[col-id="ownerName"]').textContent()).toBe('Trần Thị Lan');
  expect(await added.locator('[col-id="due"]').textContent()).toBe('Hôm nay');

  // Two rows selected: the export writes those two.
  await gridRow(page, overdue.subject).getByRole('checkbox').check();
  await gridRow(page, future.subject).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Xuất khẩu', exact: true }).click();
  expect(await exportDialog.getByLabel('Các dòng đã chọn (2)').isChecked()).toBe(true);
  const download = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Xuất khẩu', exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^giao-dich-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const sheet = await sheetOf(await file.path());
  const headers = (sheet.getRow(1).values as unknown[]).slice(1);
  expect(headers).toEqual(['Ngày', 'Khách hàng', 'Loại giao dịch', 'Tiêu đề', 'Trạng thái', 'Người thực hiện']);
  const subjects: unknown[] = [];
  sheet.eachRow((row, number) => number > 1 && subjects.push(row.getCell(4).value));
  expect(subjects).toEqual([overdue.subject, future.subject]);
  // The day is an Excel date (the export engine writes calendar days as dates), the customer as shown.
  expect(sheet.getRow(2).getCell(1).value).toEqual(new Date(`${overdue.date}T00:00:00Z`));
  expect(sheet.getRow(2).getCell(2).value).toBe('Công ty TNHH Minh Khang');

  expect(pageErrors).toEqual([]);
});
