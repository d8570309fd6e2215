import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import type { CustomerType } from '../../shared/schemas/classification';
import type { Customer } from '../../shared/schemas/customers';
import { screenshotDir, signInThroughUi } from '../support/browser';
import { useBrowserApp } from '../support/browserApp';

const longName = 'Công ty Trách nhiệm Hữu hạn Thương mại Dịch vụ Xuất Nhập khẩu Hoàng Phát Miền Trung';

const app = useBrowserApp(async ({ server, login, api }) => {
  const token = await login('admin', server.adminPassword);
  const department = await api<{ id: number }>(token, 'POST', '/api/departments', { name: 'Kinh doanh' });
  const owner = await api<{ id: number; fullName: string }>(token, 'POST', '/api/users', { username: 'nv.lan', password: 'Staff-Pass-123', fullName: 'Trần Thị Lan', departmentId: department.id, role: 'staff' });
  const type = async (name: string) => (await api<CustomerType>(token, 'POST', '/api/customer-types', { name })).id;
  const [shop, agent, person] = [await type('Cửa hàng'), await type('Đại lý'), await type('Cá nhân')];
  const customers: [string, number | null, number | null][] = [
    ['Cửa hàng Hoa Mai', shop, null], ['Cửa hàng Bình An', shop, owner.id], [longName, shop, null],
    ['Đại lý Minh Phát', agent, owner.id], ['Đại lý Sao Việt', agent, null],
    ['Nguyễn Văn Tâm', person, null], ['Khách chưa phân loại', null, owner.id],
  ];
  for (const [name, typeId, ownerId] of customers) await api<Customer>(token, 'POST', '/api/customers', { name, typeId, ...(ownerId ? { ownerId } : {}) });
  return { token, owner };
});

/** As the admin. */
const api = <T>(method: string, path: string, body?: unknown) => app.api<T>(app.data.token, method, path, body);
const total = async (query: string) => (await api<{ total: number }>('GET', `/api/customers?${query}&limit=1`)).total;
const gridTotal = (page: Page) => page.getByText(/^Tổng số: \d+ khách hàng$/).textContent();

test('filter by two types and by owner; the total follows; cut-off cells show their whole text on hover', { timeout: 60_000 }, async () => {
  const { page, pageErrors } = await app.newPage();
  await page.goto(app.server.url);
  await signInThroughUi(page, 'admin', app.server.adminPassword);
  await expect.poll(() => gridTotal(page)).toBe('Tổng số: 7 khách hàng');

  // Types: a checkbox list under "Tất cả loại", worked with the keyboard.
  const typeButton = page.getByRole('button', { name: 'Loại khách hàng Tất cả loại' });
  await typeButton.focus();
  await page.keyboard.press('ArrowDown');
  const typeList = page.getByRole('group', { name: 'Loại khách hàng' });
  await expect.poll(() => typeList.locator('label').allTextContents()).toEqual(['Cá nhân', 'Cửa hàng', 'Đại lý']);
  await page.keyboard.press('Space'); // the first option has the focus
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  expect(await typeList.getByRole('checkbox', { checked: true }).count()).toBe(2);
  expect(await typeList.getByLabel('Cửa hàng').isChecked()).toBe(true);
  await page.screenshot({ path: `${screenshotDir}/e2e-grid-type-picker.png` });
  await page.keyboard.press('Escape');
  await expect.poll(() => typeList.count()).toBe(0);
  await expect.poll(() => page.getByRole('button', { name: 'Loại khách hàng 2 loại' }).count()).toBe(1);
  const types = await api<CustomerType[]>('GET', '/api/customer-types');
  const typeId = (name: string) => types.find((item) => item.name === name)!.id;
  const expected = await total(`typeId=${typeId('Cửa hàng')}&typeId=${typeId('Cá nhân')}`);
  expect(expected).toBe(4);
  await expect.poll(() => gridTotal(page)).toBe(`Tổng số: ${expected} khách hàng`);
  await page.screenshot({ path: `${screenshotDir}/e2e-grid-two-types.png` });

  // Owner: type part of the name, pick; only that owner's customers of those types remain.
  const ownerInput = page.getByRole('combobox', { name: 'Người phụ trách' });
  await ownerInput.fill('lan');
  await page.getByRole('option', { name: /Trần Thị Lan/ }).click();
  const expectedOwned = await total(`typeId=${typeId('Cửa hàng')}&typeId=${typeId('Cá nhân')}&ownerId=${app.data.owner.id}`);
  expect(expectedOwned).toBe(1);
  await expect.poll(() => gridTotal(page)).toBe('Tổng số: 1 khách hàng');
  await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
  await expect.poll(() => gridTotal(page)).toBe('Tổng số: 7 khách hàng');

  // The long name is cut off in its column: hovering shows all of it; a short name shows no tooltip.
  const longCell = page.getByRole('gridcell', { name: longName, exact: true });
  await longCell.hover();
  await expect.poll(() => page.locator('.ag-tooltip').textContent()).toBe(longName);
  await page.screenshot({ path: `${screenshotDir}/e2e-grid-tooltip.png` });
  await page.mouse.move(5, 5);
  await expect.poll(() => page.locator('.ag-tooltip').count()).toBe(0);
  await page.getByRole('gridcell', { name: 'Nguyễn Văn Tâm', exact: true }).hover();
  await page.waitForTimeout(1000);
  expect(await page.locator('.ag-tooltip').count()).toBe(0);

  // Sorting by type asks the server (typeName): types in Vietnamese order, names within a type, no type last.
  const sortRequest = page.waitForRequest((request) => request.url().includes('sort=typeName%3Aasc'));
  await page.getByRole('columnheader', { name: 'Loại khách hàng' }).click();
  await sortRequest;
  // Rows in display order (aria-rowindex), as [type, name].
  const shownRows = () => page.evaluate(() =>
    [...document.querySelectorAll('[role="row"][row-index]')].filter((row) => row.querySelector('[col-id="name"]'))
      .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
      .map((row) => [row.querySelector('[col-id="typeName"]')?.textContent ?? '', row.querySelector('[col-id="name"]')?.textContent ?? '']));
  await expect.poll(shownRows).toEqual([
    ['Cá nhân', 'Nguyễn Văn Tâm'], ['Cửa hàng', longName], ['Cửa hàng', 'Cửa hàng Bình An'], ['Cửa hàng', 'Cửa hàng Hoa Mai'],
    ['Đại lý', 'Đại lý Minh Phát'], ['Đại lý', 'Đại lý Sao Việt'], ['', 'Khách chưa phân loại'],
  ]);

  expect(pageErrors).toEqual([]);
});
