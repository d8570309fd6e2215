import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import type { Customer } from '../../shared/schemas/customers';
import { screenshotDir, signInThroughUi } from '../support/browser';
import { useBrowserApp } from '../support/browserApp';

const customerName = 'Công ty TNHH Minh Khang';
const password = 'Staff-Pass-123';

const app = useBrowserApp(async ({ server, login, api }) => {
  const admin = await login('admin', server.adminPassword);
  const department = await api<{ id: number }>(admin, 'POST', '/api/departments', { name: 'Kinh doanh' });
  const user = (username: string, fullName: string) =>
    api<{ id: number }>(admin, 'POST', '/api/users', { username, password, fullName, departmentId: department.id, role: 'staff' });
  const owner = await user('nhanvien.lan', 'Trần Thị Lan');
  const reader = await user('nhanvien.hai', 'Lê Văn Hải');
  const ownerToken = await login('nhanvien.lan', password);
  const customer = await api<Customer>(ownerToken, 'POST', '/api/customers', { name: customerName, phone: '0281234567' });
  await api(ownerToken, 'POST', '/api/contracts', { customerId: customer.id, date: '2026-03-12', value: 11_000_000 });
  await api(ownerToken, 'POST', '/api/contracts', { customerId: customer.id, date: '2026-03-20', value: 1_234_567, status: 'completed' });
  await api(ownerToken, 'POST', '/api/payments', { customerId: customer.id, date: '2026-03-13', amount: 5_000_000, method: 'transfer' });
  // Opportunities have no create endpoint yet (S1 CRUD is a later issue): straight into the table.
  const [opportunity] = await server.db('opportunities').insert({
    name: 'Cung cấp máy lọc nước', customer_id: customer.id, owner_id: owner.id, stage: 'negotiation', probability: 50,
    expected_revenue: 125_000_000, expected_date: '2026-04-30', start_date: '2026-03-01', created_by: owner.id,
  }, ['number']);
  await server.db('customer_shares').insert({ customer_id: customer.id, user_id: reader.id, source: 'share', info_types: ['general'] });
  return { opportunityNumber: opportunity.number as string };
});

/** The grid row showing a customer name. */
const gridRow = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('gridcell', { name, exact: true }) });

async function openCustomerAs(username: string) {
  const { page, pageErrors } = await app.newPage();
  await page.goto(app.server.url);
  await signInThroughUi(page, username, password);
  await expect.poll(() => gridRow(page, customerName).count()).toBe(1);
  await gridRow(page, customerName).getByRole('gridcell', { name: customerName, exact: true }).dblclick();
  const detail = page.getByRole('complementary', { name: customerName });
  await expect.poll(() => detail.getByRole('tab').count()).toBeGreaterThan(1);
  return { page, detail, pageErrors };
}

test('the owner sees Cơ hội, Báo giá, Hợp đồng, Đơn hàng, Phiếu thu with VND and dd/MM/yyyy', { timeout: 45_000 }, async () => {
  const { page, detail, pageErrors } = await openCustomerAs('nhanvien.lan');
  const { opportunityNumber } = app.data;
  const tabNames = await detail.getByRole('tab').allTextContents();
  expect(tabNames).toEqual(['Thông tin chung', 'Liên hệ', 'Giao dịch', 'Cơ hội', 'Báo giá', 'Hợp đồng', 'Đơn hàng', 'Phiếu thu', 'Lịch sử phụ trách', 'Chia sẻ']);
  const panel = detail.getByRole('tabpanel');
  const row = (text: string) => panel.getByRole('row').filter({ has: page.getByRole('cell', { name: text, exact: true }) });
  const cells = (text: string) => row(text).getByRole('cell').allTextContents();

  await detail.getByRole('tab', { name: 'Cơ hội' }).click();
  await expect.poll(() => row(opportunityNumber).count()).toBe(1);
  expect(await cells(opportunityNumber)).toEqual([opportunityNumber, 'Cung cấp máy lọc nước', 'Đàm phán', '125.000.000 ₫', '30/04/2026', 'Trần Thị Lan']);

  await detail.getByRole('tab', { name: 'Báo giá' }).click();
  await expect.poll(() => panel.getByText('Chưa có báo giá.').count()).toBe(1);

  await detail.getByRole('tab', { name: 'Hợp đồng' }).click();
  await expect.poll(() => panel.getByText('Doanh thu: 12.234.567 ₫ · Đã thanh toán: 5.000.000 ₫').count()).toBe(1);
  await expect.poll(() => row('20/03/2026').count()).toBe(1);
  // Newest day first.
  expect(await panel.getByRole('row').nth(1).getByRole('cell').nth(1).textContent()).toBe('20/03/2026');
  expect((await cells('20/03/2026')).slice(1)).toEqual(['20/03/2026', '1.234.567 ₫', 'Đã hoàn thành', 'Trần Thị Lan']);
  expect((await cells('12/03/2026')).slice(1)).toEqual(['12/03/2026', '11.000.000 ₫', 'Đang hiệu lực', 'Trần Thị Lan']);
  await page.screenshot({ path: `${screenshotDir}/e2e-customer-detail-contracts.png` });

  await detail.getByRole('tab', { name: 'Đơn hàng' }).click();
  await expect.poll(() => panel.getByText('Chưa có đơn hàng.').count()).toBe(1);

  await detail.getByRole('tab', { name: 'Phiếu thu' }).click();
  await expect.poll(() => row('13/03/2026').count()).toBe(1);
  expect(await panel.getByText('Doanh thu: 12.234.567 ₫ · Đã thanh toán: 5.000.000 ₫').count()).toBe(1);
  expect((await cells('13/03/2026')).slice(1)).toEqual(['13/03/2026', '5.000.000 ₫', 'Chuyển khoản', 'Trần Thị Lan']);

  await detail.getByRole('tab', { name: 'Cơ hội' }).click();
  await expect.poll(() => row(opportunityNumber).count()).toBe(1);
  await page.screenshot({ path: `${screenshotDir}/e2e-customer-detail-opportunities.png` });
  expect(pageErrors).toEqual([]);
  await page.close();
});

test('a user it is shared with only "general" sees no sales tabs', { timeout: 30_000 }, async () => {
  const { page, detail, pageErrors } = await openCustomerAs('nhanvien.hai');
  await expect.poll(() => detail.getByText('Khách hàng được chia sẻ với bạn: chỉ xem, không sửa.').count()).toBe(1);
  expect(await detail.getByRole('tab').allTextContents()).toEqual(['Thông tin chung', 'Lịch sử phụ trách']);
  for (const name of ['Cơ hội', 'Báo giá', 'Hợp đồng', 'Đơn hàng', 'Phiếu thu']) {
    expect(await detail.getByRole('tab', { name }).count(), name).toBe(0);
  }
  expect(await detail.getByText('Doanh thu:', { exact: false }).count()).toBe(0);
  await page.screenshot({ path: `${screenshotDir}/e2e-customer-detail-shared-general.png` });
  expect(pageErrors).toEqual([]);
  await page.close();
});
