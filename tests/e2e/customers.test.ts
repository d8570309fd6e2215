import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { formatDate, todayInVietnam } from '../../shared/format';
import type { CustomerGroup, CustomerType } from '../../shared/schemas/classification';
import type { Customer } from '../../shared/schemas/customers';
import { screenshotDir, signInThroughUi } from '../support/browser';
import { useBrowserApp } from '../support/browserApp';

const newCustomerName = 'Công ty TNHH Ánh Dương';
const binCustomerName = 'Công ty CP Thép Phương Nam';

const app = useBrowserApp(async ({ server, login, api }) => {
  const token = await login('admin', server.adminPassword);
  await api<CustomerType>(token, 'POST', '/api/customer-types', { name: 'Doanh nghiệp' });
  await api<CustomerType>(token, 'POST', '/api/customer-types', { name: 'Cá nhân' });
  await api<CustomerGroup>(token, 'POST', '/api/customer-groups', { name: 'VIP', points: 30 });
  await api<CustomerGroup>(token, 'POST', '/api/customer-groups', { name: 'Khách quen', points: 10 });
  await api<Customer>(token, 'POST', '/api/customers', { name: 'Nguyễn Văn Bình', phone: '0901234567' });
  return { token };
});

/** As the admin. */
const api = <T>(method: string, path: string, body?: unknown) => app.api<T>(app.data.token, method, path, body);

async function findCustomer(name: string): Promise<Customer> {
  const page = await api<{ rows: Customer[] }>('GET', `/api/customers?name=${encodeURIComponent(name)}`);
  const customer = page.rows.find((row) => row.name === name);
  if (!customer) throw new Error(`no customer ${name}`);
  return customer;
}

/** The grid row (pinned checkbox cell and scrolling cells share one row element) showing a customer name. */
const gridRow = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('gridcell', { name, exact: true }) });

async function signIn(page: Page): Promise<void> {
  await page.goto(app.server.url);
  await signInThroughUi(page, 'admin', app.server.adminPassword);
}

/** The status code of a plain GET, for checks where a 404 is the expected answer. */
async function statusOf(path: string): Promise<number> {
  return (await fetch(`${app.server.url}${path}`, { headers: { authorization: `Bearer ${app.data.token}` } })).status;
}

test('log in, create a customer with a type and a group, add a group to two customers in bulk', { timeout: 60_000 }, async () => {
  const { page, pageErrors } = await app.newPage({ timeout: 30_000 });

  await signIn(page);

  // The customer grid, filled from the server.
  await expect.poll(() => gridRow(page, 'Nguyễn Văn Bình').count()).toBe(1);
  await expect.poll(() => page.getByText('Tổng số: 1 khách hàng').count()).toBe(1);

  // Create a customer through the form, ticking a type and a group.
  await page.getByRole('button', { name: 'Thêm khách hàng' }).click();
  const form = page.getByRole('dialog', { name: 'Thêm khách hàng' });
  await form.getByLabel('Tên khách hàng').fill(newCustomerName);
  await form.getByLabel('Điện thoại').fill('0281234567');
  await form.getByLabel('Email').fill('lienhe@anhduong.vn');
  await form.getByLabel('Loại khách hàng').selectOption({ label: 'Doanh nghiệp' });
  await form.getByRole('group', { name: 'Nhóm khách hàng' }).getByLabel('VIP').check();
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect.poll(() => form.count()).toBe(0);
  await expect.poll(() => gridRow(page, newCustomerName).count()).toBe(1);

  const created = await findCustomer(newCustomerName);
  expect(created.typeName).toBe('Doanh nghiệp');
  expect(created.email).toBe('lienhe@anhduong.vn');
  const groups = await api<CustomerGroup[]>('GET', '/api/customer-groups');
  const groupId = (name: string) => groups.find((group) => group.name === name)?.id;
  expect(created.groupIds).toEqual([groupId('VIP')]);

  // Select both customers and add the group "Khách quen" to them.
  await gridRow(page, newCustomerName).getByRole('checkbox').check();
  await gridRow(page, 'Nguyễn Văn Bình').getByRole('checkbox').check();
  await expect.poll(() => page.getByText('Đã chọn 2 khách hàng.').count()).toBe(1);
  await page.getByRole('button', { name: 'Chuyển nhóm' }).click();
  const bulk = page.getByRole('dialog', { name: 'Chuyển nhóm khách hàng' });
  await bulk.getByLabel('Thêm nhóm').check();
  await bulk.getByRole('group', { name: 'Nhóm khách hàng' }).getByLabel('Khách quen').check();
  await bulk.getByRole('button', { name: 'Thực hiện' }).click();
  // The result report says how many changed (and a toast too); closing it returns to the grid.
  const report = page.getByRole('dialog', { name: 'Kết quả chuyển nhóm' });
  await expect.poll(() => report.getByText('Đã cập nhật nhóm cho 2 khách hàng.').count()).toBe(1);
  expect(await report.getByText('Bỏ qua').count()).toBe(0);
  await report.getByRole('button', { name: 'Đóng' }).click();
  await expect.poll(() => report.count()).toBe(0);

  // The grid shows the new groups; the API agrees.
  await expect.poll(() => gridRow(page, newCustomerName).getByRole('gridcell', { name: 'VIP, Khách quen' }).count()).toBe(1);
  await expect.poll(() => gridRow(page, 'Nguyễn Văn Bình').getByRole('gridcell', { name: 'Khách quen', exact: true }).count()).toBe(1);
  expect((await findCustomer(newCustomerName)).groupIds.sort()).toEqual([groupId('VIP'), groupId('Khách quen')].sort());
  expect((await findCustomer('Nguyễn Văn Bình')).groupIds).toEqual([groupId('Khách quen')]);
  await page.screenshot({ path: `${screenshotDir}/e2e-customer-grid.png` });

  // The detail opens on double-click, with its contacts tab.
  await gridRow(page, newCustomerName).getByRole('gridcell', { name: newCustomerName }).dblclick();
  const detail = page.getByRole('complementary', { name: newCustomerName });
  await expect.poll(() => detail.getByText('lienhe@anhduong.vn').count()).toBe(1);
  await detail.getByRole('tab', { name: 'Liên hệ' }).click();
  await detail.getByRole('button', { name: 'Thêm liên hệ' }).click();
  const contactForm = page.getByRole('dialog', { name: 'Thêm liên hệ' });
  await contactForm.getByLabel('Họ và đệm').fill('Trần Thị');
  await contactForm.getByRole('textbox', { name: 'Tên', exact: true }).fill('Hoa');
  await contactForm.getByLabel('Chức vụ').fill('Giám đốc');
  await contactForm.getByRole('button', { name: 'Lưu' }).click();
  await expect.poll(() => detail.getByRole('cell', { name: 'Trần Thị Hoa' }).count()).toBe(1);
  await page.screenshot({ path: `${screenshotDir}/e2e-customer-detail.png` });

  expect(pageErrors).toEqual([]);
});

test('Xóa moves a customer to Thùng rác in one bulk request; Khôi phục brings it back to the grid', { timeout: 45_000 }, async () => {
  const customer = await api<Customer>('POST', '/api/customers', { name: binCustomerName, phone: '0283456789' });
  await api('POST', '/api/contracts', { customerId: customer.id, date: '2026-03-09', value: 12_500_000 });
  await api('POST', '/api/contracts', { customerId: customer.id, date: '2026-04-01', value: 300_000 });
  const totalBefore = (await api<{ total: number }>('GET', '/api/customers?limit=1')).total;

  const { page, pageErrors } = await app.newPage();
  const deleteRequests: unknown[] = [];
  page.on('request', (request) => {
    if (request.method() === 'DELETE' && request.url().includes('/api/customers/')) deleteRequests.push({ singleDelete: request.url() });
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/customers/delete') deleteRequests.push(request.postDataJSON());
  });
  await signIn(page);
  await expect.poll(() => gridRow(page, binCustomerName).count()).toBe(1);
  await expect.poll(() => page.getByText(`Tổng số: ${totalBefore} khách hàng`, { exact: true }).count()).toBe(1);

  // Doanh thu: the sum of its contracts in VND, right of the visible columns (scroll the grid sideways, as a person would).
  // The name cell scrolls out of the DOM (column virtualisation): follow the row by its index.
  const rowIndex = await gridRow(page, binCustomerName).getAttribute('aria-rowindex');
  const sameRow = page.locator(`[role="row"][aria-rowindex="${rowIndex}"]`);
  await gridRow(page, binCustomerName).getByRole('gridcell', { name: binCustomerName, exact: true }).hover();
  await page.mouse.wheel(2000, 0);
  await expect.poll(() => page.getByRole('columnheader', { name: 'Doanh thu' }).count()).toBe(1);
  await expect.poll(() => sameRow.getByRole('gridcell', { name: '12.800.000 ₫', exact: true }).count()).toBe(1);
  // Customers without contracts show 0 ₫ (admin may see contracts), not an empty cell.
  expect(await page.getByRole('gridcell', { name: '0 ₫', exact: true }).count()).toBeGreaterThan(0);
  await page.mouse.wheel(-2000, 0);
  await page.setViewportSize({ width: 2400, height: 600 });
  await expect.poll(() => gridRow(page, binCustomerName).getByRole('gridcell', { name: '12.800.000 ₫', exact: true }).count()).toBe(1);
  await page.screenshot({ path: `${screenshotDir}/e2e-customer-grid-revenue.png` });
  await page.setViewportSize({ width: 1400, height: 820 });

  // Tick it, Xóa, confirm with the count.
  await gridRow(page, binCustomerName).getByRole('checkbox').check();
  await expect.poll(() => page.getByText('Đã chọn 1 khách hàng.').count()).toBe(1);
  await page.getByRole('button', { name: 'Xóa', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: 'Xóa khách hàng' });
  await expect.poll(() => confirm.getByText(`Chuyển 1 khách hàng “${binCustomerName}” vào thùng rác?`, { exact: false }).count()).toBe(1);
  await page.screenshot({ path: `${screenshotDir}/e2e-delete-confirm.png` });
  await confirm.getByRole('button', { name: 'Xóa', exact: true }).click();
  await expect.poll(() => page.getByText('Đã chuyển 1 khách hàng vào thùng rác.').count()).toBe(1);

  // Gone from the grid and the total, the selection cleared; the server agrees.
  await expect.poll(() => gridRow(page, binCustomerName).count()).toBe(0);
  await expect.poll(() => page.getByText(`Tổng số: ${totalBefore - 1} khách hàng`, { exact: true }).count()).toBe(1);
  expect(await page.getByText('Đã chọn', { exact: false }).count()).toBe(0);
  expect(deleteRequests).toEqual([{ customerIds: [customer.id] }]);
  expect(await statusOf(`/api/customers/${customer.id}`)).toBe(404);

  // Thùng rác lists it with who deleted it; Khôi phục takes it out.
  await page.getByRole('button', { name: 'Thùng rác', exact: true }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Thùng rác khách hàng' }).count()).toBe(1);
  const binRow = page.getByRole('row').filter({ has: page.getByRole('cell', { name: binCustomerName, exact: true }) });
  await expect.poll(() => binRow.count()).toBe(1);
  expect(await binRow.getByRole('cell', { name: customer.code, exact: true }).count()).toBe(1);
  // Owner and "deleted by" are both the admin; deleted today (Vietnam time).
  expect(await binRow.getByRole('cell', { name: 'Quản trị hệ thống', exact: true }).count()).toBe(2);
  expect(await binRow.getByRole('cell', { name: formatDate(todayInVietnam()), exact: true }).count()).toBe(1);
  await page.screenshot({ path: `${screenshotDir}/e2e-recycle-bin.png` });
  await binRow.getByRole('button', { name: 'Khôi phục' }).click();
  await expect.poll(() => page.getByText(`Đã khôi phục khách hàng “${binCustomerName}”.`).count()).toBe(1);
  await expect.poll(() => binRow.count()).toBe(0);
  expect(await statusOf(`/api/customers/${customer.id}`)).toBe(200);

  // Back in the grid, with the total as before.
  await page.getByRole('button', { name: 'Quay lại danh sách khách hàng' }).click();
  await expect.poll(() => gridRow(page, binCustomerName).count()).toBe(1);
  await expect.poll(() => page.getByText(`Tổng số: ${totalBefore} khách hàng`, { exact: true }).count()).toBe(1);

  // The detail's general tab shows the revenue and the created day.
  await gridRow(page, binCustomerName).getByRole('gridcell', { name: binCustomerName }).dblclick();
  const info = page.getByRole('complementary', { name: binCustomerName }).getByRole('tabpanel');
  const infoItem = (label: string) => info.locator('.info-item').filter({ has: page.getByRole('term').filter({ hasText: label }) }).getByRole('definition');
  await expect.poll(() => infoItem('Doanh thu').textContent()).toBe('12.800.000 ₫');
  expect(await infoItem('Ngày tạo').textContent()).toBe(formatDate(customer.createdAt));
  await page.screenshot({ path: `${screenshotDir}/e2e-customer-detail-revenue.png` });

  expect(pageErrors).toEqual([]);
});
