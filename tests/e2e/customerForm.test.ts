import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { screenshotDir, signInThroughUi } from '../support/browser';
import { useBrowserApp } from '../support/browserApp';

const password = 'Nhan-Vien-123';

const app = useBrowserApp(async ({ server, login, api }) => {
  const admin = await login('admin', server.adminPassword);
  const sales = await api<{ id: number }>(admin, 'POST', '/api/departments', { name: 'Kinh doanh' });
  const other = await api<{ id: number }>(admin, 'POST', '/api/departments', { name: 'Kế toán' });
  await api(admin, 'POST', '/api/users', { username: 'an', password, fullName: 'Nguyễn Văn An', departmentId: sales.id, role: 'staff' });
  await api(admin, 'POST', '/api/users', { username: 'binh', password, fullName: 'Phạm Thị Bình', departmentId: sales.id, role: 'staff' });
  await api(admin, 'POST', '/api/users', { username: 'quanly', password, fullName: 'Trần Quản Lý', departmentId: sales.id, role: 'manager' });
  await api(admin, 'POST', '/api/users', { username: 'ketoan', password, fullName: 'Lê Kế Toán', departmentId: other.id, role: 'staff' });
  const binh = await login('binh', password);
  await api(admin, 'POST', '/api/customer-types', { name: 'Doanh nghiệp' });
  await api(admin, 'POST', '/api/customers', { name: 'Công ty Cổ phần Sao Mai', code: 'KHSM01', taxCode: '0312345678' });
  await api(binh, 'POST', '/api/customers', { name: 'Cửa hàng Bí Mật', phone: '0908 111 222' });
  return { admin };
});

/** A page signed in as `username`, with a short window so a long form has to scroll. */
async function signedIn(username: string, pass = password): Promise<Page> {
  const { page } = await app.newPage({ viewport: { width: 1280, height: 620 }, timeout: 30_000 });
  await page.goto(app.server.url);
  await signInThroughUi(page, username, pass);
  await page.getByRole('button', { name: 'Thêm khách hàng' }).waitFor();
  return page;
}

async function openCreateForm(page: Page) {
  await page.getByRole('button', { name: 'Thêm khách hàng' }).click();
  return page.getByRole('dialog', { name: 'Thêm khách hàng' });
}

test('a field error shows at its field, which gets the focus; Lưu and Hủy stay in view', { timeout: 60_000 }, async () => {
  const page = await signedIn('admin', app.server.adminPassword);
  const form = await openCreateForm(page);
  await form.getByLabel('Email').fill('lienhe@saomai.vn');
  await form.getByRole('button', { name: 'Lưu' }).click();
  const nameField = form.locator('[data-field="name"]');
  await expect.poll(() => nameField.getAttribute('class')).toContain('field-invalid');
  await expect.poll(() => nameField.locator('.field-error').textContent()).toBe('Vui lòng nhập tên khách hàng.');
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-field'))).toBe('name');

  // An error the server finds (a tax code with a character it refuses) lands at that field too.
  await form.getByLabel('Tên khách hàng').fill('Công ty TNHH Gió Mới');
  await form.getByLabel('Mã số thuế').fill('03#1');
  await form.getByRole('button', { name: 'Lưu' }).click();
  const taxField = form.locator('[data-field="taxCode"]');
  await expect.poll(() => taxField.locator('.field-error').textContent()).toContain('Mã số thuế');
  expect(await nameField.locator('.field-error').count()).toBe(0);

  // However far the form scrolls, the buttons are on screen.
  await form.getByLabel('Tên khách hàng').focus();
  const save = await form.getByRole('button', { name: 'Lưu' }).boundingBox();
  expect(save).not.toBeNull();
  expect(save!.y + save!.height).toBeLessThanOrEqual(620);
  await page.screenshot({ path: `${screenshotDir}/customer-form-field-error.png` });
  await page.close();
});

test('the duplicate warning names a match the user may open, and only "another staff member" otherwise', { timeout: 60_000 }, async () => {
  const page = await signedIn('an');
  const form = await openCreateForm(page);
  await form.getByLabel('Tên khách hàng').fill('Sao Mai chi nhánh 2');
  await form.getByLabel('Mã số thuế').fill(' 0312345678 ');
  await form.getByLabel('Điện thoại').fill('0908.111.222');
  await form.getByRole('button', { name: 'Lưu' }).click();
  const warning = form.getByRole('alert').filter({ hasText: 'Có thể trùng' });
  await warning.waitFor();
  const text = await warning.textContent();
  // Sao Mai is the admin's, so a staff member cannot open it either: neither customer is named.
  expect(text).toContain('Mã số thuế trùng với một khách hàng của nhân viên khác.');
  expect(text).toContain('Điện thoại trùng với một khách hàng của nhân viên khác.');
  expect(text).not.toContain('Sao Mai');
  expect(text).not.toContain('Bí Mật');
  await page.screenshot({ path: `${screenshotDir}/customer-form-duplicate-hidden.png` });
  await form.getByRole('button', { name: 'Vẫn lưu' }).click();
  await page.getByRole('dialog', { name: 'Thêm khách hàng' }).waitFor({ state: 'detached' });
  await page.close();

  // The admin may open Sao Mai: the warning names it and links to it.
  const adminPage = await signedIn('admin', app.server.adminPassword);
  const adminForm = await openCreateForm(adminPage);
  await adminForm.getByLabel('Tên khách hàng').fill('Sao Mai lần nữa');
  await adminForm.getByLabel('Mã số thuế').fill('0312345678');
  await adminForm.getByRole('button', { name: 'Lưu' }).click();
  const named = adminForm.getByRole('alert').filter({ hasText: 'Có thể trùng' });
  await named.waitFor();
  expect(await named.textContent()).toContain('Mã số thuế trùng với KHSM01 Công ty Cổ phần Sao Mai');
  await adminPage.screenshot({ path: `${screenshotDir}/customer-form-duplicate-named.png` });
  await named.getByRole('listitem').filter({ hasText: 'KHSM01' }).getByRole('link', { name: 'Mở khách hàng này' }).click();
  await adminPage.getByRole('dialog', { name: 'Thêm khách hàng' }).waitFor({ state: 'detached' });
  await adminPage.getByRole('heading', { name: 'Công ty Cổ phần Sao Mai' }).waitFor();
  await adminPage.close();
});

test("a staff member's owner picker offers only themselves; a manager's offers their department", { timeout: 60_000 }, async () => {
  const optionsOf = async (username: string, search = '') => {
    const page = await signedIn(username);
    const form = await openCreateForm(page);
    const picker = form.getByLabel('Người phụ trách');
    await picker.fill(search);
    await picker.focus();
    const list = form.getByRole('listbox');
    await list.getByRole('option').first().waitFor();
    await page.waitForTimeout(400);
    const names = await list.getByRole('option').allTextContents();
    await page.screenshot({ path: `${screenshotDir}/customer-form-owner-${username}.png` });
    return { page, form, names };
  };
  const staff = await optionsOf('an');
  expect(staff.names).toHaveLength(1);
  expect(staff.names[0]).toContain('Nguyễn Văn An');
  await staff.page.close();

  const manager = await optionsOf('quanly');
  expect(manager.names.map((name) => name.split('Kinh doanh')[0]).sort()).toEqual(['Nguyễn Văn An', 'Phạm Thị Bình', 'Trần Quản Lý']);
  // Typing narrows it (accents ignored); picking makes that user the owner of the new customer.
  await manager.form.getByLabel('Người phụ trách').fill('binh');
  await manager.form.getByRole('option', { name: /Phạm Thị Bình/ }).click();
  await manager.form.getByLabel('Tên khách hàng').fill('Khách giao cho Bình');
  await manager.form.getByRole('button', { name: 'Lưu' }).click();
  await manager.page.getByRole('dialog', { name: 'Thêm khách hàng' }).waitFor({ state: 'detached' });
  const created = await app.api<{ rows: { name: string; ownerName: string }[] }>(app.data.admin, 'GET', `/api/customers?name=${encodeURIComponent('Khách giao cho Bình')}`);
  expect(created.rows[0].ownerName).toBe('Phạm Thị Bình');
  await manager.page.close();
});
