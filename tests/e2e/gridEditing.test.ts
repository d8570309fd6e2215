import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import type { CustomerType } from '../../shared/schemas/classification';
import type { Customer } from '../../shared/schemas/customers';
import { screenshotDir, signInThroughUi } from '../support/browser';
import { useBrowserApp } from '../support/browserApp';

const staffPassword = 'Staff-Pass-123';

const app = useBrowserApp(async ({ server, login, api }) => {
  const token = await login('admin', server.adminPassword);
  const department = await api<{ id: number }>(token, 'POST', '/api/departments', { name: 'Kinh doanh' });
  const staff = await api<{ id: number }>(token, 'POST', '/api/users', { username: 'nv.lan', password: staffPassword, fullName: 'Trần Thị Lan', departmentId: department.id, role: 'staff' });
  await api<CustomerType>(token, 'POST', '/api/customer-types', { name: 'Đại lý' });
  const names = ['Cửa hàng Sửa Ô', 'Đại lý Xung Đột', 'Công ty Hoàn Tác'];
  const customers: Customer[] = [];
  for (const name of names) customers.push(await api<Customer>(token, 'POST', '/api/customers', { name, phone: '0280000000', ownerId: staff.id }));
  return { token, customers };
});

const api = <T>(method: string, path: string, body?: unknown) => app.api<T>(app.data.token, method, path, body);
const customer = (id: number) => api<Customer>('GET', `/api/customers/${id}`);

async function signedIn(username: string, password: string) {
  // Wide enough that the name column stays rendered while the edits scroll to the tax code and
  // address: the cell locators find their row by the customer's name.
  const opened = await app.newPage({ viewport: { width: 1920, height: 900 } });
  await opened.page.goto(app.server.url);
  await signInThroughUi(opened.page, username, password);
  await opened.page.getByText('Tổng số: 3 khách hàng').waitFor();
  return opened;
}

/** A customer's cell in the grid by column id (`col-id`). */
const cell = (page: Page, name: string, colId: string) =>
  page.getByRole('row').filter({ has: page.getByRole('gridcell', { name, exact: true }) }).locator(`[col-id="${colId}"]`);

test('a cell edits in place, shows saving then saved, and is saved after a reload; a refused value stays on the cell', { timeout: 90_000 }, async () => {
  const { page, pageErrors } = await signedIn('admin', app.server.adminPassword);
  const target = app.data.customers[0];

  // Double-click, type over the value, Enter: one PATCH with the row's version.
  const phone = cell(page, target.name, 'phone');
  const patch = page.waitForRequest((request) => request.method() === 'PATCH' && request.url().endsWith(`/api/customers/${target.id}`));
  await phone.dblclick();
  await phone.locator('input').fill('0909 123 456');
  await page.keyboard.press('Enter');
  expect((await patch).postDataJSON()).toEqual({ version: target.version, phone: '0909 123 456' });
  await phone.getByRole('status', { name: 'Đã lưu' }).waitFor();
  await page.screenshot({ path: `${screenshotDir}/e2e-grid-edit-saved.png` });

  // Typing on a focused cell starts the edit with that key; Tab commits.
  const taxCode = cell(page, target.name, 'taxCode');
  await taxCode.click();
  await page.keyboard.type('0312345678');
  await page.keyboard.press('Tab');
  await taxCode.getByRole('status', { name: 'Đã lưu' }).waitFor();

  // A managed list: Enter opens the picker, typing filters, Enter picks and saves.
  const type = cell(page, target.name, 'typeName');
  await type.click();
  await page.keyboard.press('Enter');
  const picker = page.getByRole('combobox', { name: 'Loại khách hàng' });
  await picker.fill('đại');
  await page.getByRole('option', { name: 'Đại lý' }).waitFor();
  await page.keyboard.press('Enter');
  await expect.poll(() => type.textContent()).toContain('Đại lý');

  // Escape cancels: nothing is sent.
  const address = cell(page, target.name, 'address');
  await address.dblclick();
  await address.locator('input').fill('Không lưu');
  await page.keyboard.press('Escape');
  expect(await address.textContent()).toBe('');

  // The server refuses the email: the message stays on the cell, the old value comes back.
  const email = cell(page, target.name, 'email');
  await email.dblclick();
  await email.locator('input').fill('không-phải-email');
  await page.keyboard.press('Enter');
  await email.getByRole('alert').filter({ hasText: 'Trường “Email” chưa hợp lệ.' }).waitFor();
  expect(await email.locator('.grid-cell-status-value').textContent()).toBe('');
  await page.screenshot({ path: `${screenshotDir}/e2e-grid-edit-refused.png` });

  await page.reload();
  await page.getByText('Tổng số: 3 khách hàng').waitFor();
  await expect.poll(() => cell(page, target.name, 'phone').textContent()).toBe('0909 123 456');
  expect(await cell(page, target.name, 'taxCode').textContent()).toBe('0312345678');
  expect(await cell(page, target.name, 'typeName').textContent()).toBe('Đại lý');
  expect(await customer(target.id)).toMatchObject({ phone: '0909 123 456', taxCode: '0312345678', email: null, address: null });

  // Double-click on the name (or a cell the user may not edit) still opens the customer.
  await cell(page, target.name, 'name').dblclick();
  await page.getByRole('heading', { name: target.name, exact: true }).waitFor();
  expect(pageErrors).toEqual([]);
});

test('a stale edit (changed in another browser meanwhile) shows who changed it and the current value, and reloads the row', { timeout: 90_000 }, async () => {
  const admin = await signedIn('admin', app.server.adminPassword);
  const staff = await signedIn('nv.lan', staffPassword);
  const target = app.data.customers[1];

  // The admin starts editing the phone; meanwhile the owner changes it in their own browser.
  const adminPhone = cell(admin.page, target.name, 'phone');
  await adminPhone.dblclick();
  await adminPhone.locator('input').fill('0911 111 111');
  const staffPhone = cell(staff.page, target.name, 'phone');
  await staffPhone.dblclick();
  await staffPhone.locator('input').fill('0922 222 222');
  await staff.page.keyboard.press('Enter');
  await staffPhone.getByRole('status', { name: 'Đã lưu' }).waitFor();

  // The admin's commit carries the version they started from: 409, never a silent overwrite.
  await adminPhone.locator('input').press('Enter');
  const dialog = admin.page.getByRole('dialog', { name: 'Dòng đã được người khác thay đổi' });
  await dialog.getByText(/^Trần Thị Lan đã thay đổi dòng này lúc \d\d\/\d\d\/\d{4} \d\d:\d\d/).waitFor();
  await dialog.getByText('0922 222 222').waitFor();
  await admin.page.screenshot({ path: `${screenshotDir}/e2e-grid-edit-conflict.png` });
  expect((await customer(target.id)).phone).toBe('0922 222 222');

  await dialog.getByRole('button', { name: 'Tải lại dòng' }).click();
  await expect.poll(() => dialog.count()).toBe(0);
  await expect.poll(() => adminPhone.textContent()).toBe('0922 222 222');
  expect([...admin.pageErrors, ...staff.pageErrors]).toEqual([]);
});

test('Ctrl+Z undoes the last cell edit and Ctrl+Y redoes it, each saved as a new version', { timeout: 90_000 }, async () => {
  const { page, pageErrors } = await signedIn('admin', app.server.adminPassword);
  const target = app.data.customers[2];
  const before = await customer(target.id);

  const phone = cell(page, target.name, 'phone');
  await phone.dblclick();
  await phone.locator('input').fill('0933 333 333');
  await page.keyboard.press('Enter');
  await phone.getByRole('status', { name: 'Đã lưu' }).waitFor();
  expect((await customer(target.id)).phone).toBe('0933 333 333');

  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await customer(target.id)).phone).toBe(before.phone);
  await expect.poll(() => phone.textContent()).toContain(before.phone!);
  const undone = await customer(target.id);
  expect(undone.version).toBe(before.version + 2);

  await page.keyboard.press('Control+y');
  await expect.poll(async () => (await customer(target.id)).phone).toBe('0933 333 333');
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await customer(target.id)).version).toBe(before.version + 4);

  await page.reload();
  await page.getByText('Tổng số: 3 khách hàng').waitFor();
  await expect.poll(() => cell(page, target.name, 'phone').textContent()).toBe(before.phone);
  expect(pageErrors).toEqual([]);
});
