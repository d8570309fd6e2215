import { mkdir } from 'node:fs/promises';
import { expect, test } from 'vitest';
import type { Customer } from '../../shared/schemas/customers';
import { signInThroughUi } from '../support/browser';
import { useBrowserApp } from '../support/browserApp';

/** The issue asks for 1366×768 screenshots of the tier screens here. */
const shots = '/tmp/shots-tiers';

const goldNames = ['Công ty Vàng An', 'Công ty Vàng Bình', 'Công ty Vàng Cường'];
const nearName = 'Công ty Gần Vàng';
const plainNames = ['Công ty Thường Dũng', 'Công ty Thường Em'];

const app = useBrowserApp(async ({ server, login, api }) => {
  const admin = await login('admin', server.adminPassword);
  const create = (name: string) => api<Customer>(admin, 'POST', '/api/customers', { name });
  const contract = (customerId: number, value: number) => api(admin, 'POST', '/api/contracts', { customerId, date: '2026-11-02', value });
  const gold = [];
  for (const name of goldNames) {
    const customer = await create(name);
    await contract(customer.id, 50_000_000);
    gold.push(customer);
  }
  const near = await create(nearName);
  await contract(near.id, 38_000_000);
  for (const name of plainNames) await create(name);
  // One open quote with two lines of a gold customer: the re-pricing reports 2 lines.
  const product = await api<{ id: number }>(admin, 'POST', '/api/products', { code: 'HH-VANG', name: 'Máy lọc nước', price: 5_000_000 });
  const line = { productId: product.id, quantity: 1, price: 5_000_000 };
  await api(admin, 'POST', '/api/quotes', { customerId: gold[0].id, date: '2026-11-03', value: 10_000_000, status: 'open', lines: [line, line] });
  return { admin };
});

test('C4/C5: the admin creates a tier in Thiết lập (re-pricing confirm), then the customer grid filters by it and the detail shows the next tier', { timeout: 90_000 }, async () => {
  await mkdir(shots, { recursive: true });
  const { page, pageErrors } = await app.newPage({ viewport: { width: 1366, height: 768 }, timeout: 20_000 });
  await page.goto(app.server.url);
  await signInThroughUi(page, 'admin', app.server.adminPassword);
  await page.getByRole('link', { name: 'Thiết lập' }).click();
  await page.getByRole('tab', { name: 'Phân cấp khách hàng' }).click();
  await expect.poll(() => page.getByText('Chưa có cấp độ nào.').count()).toBe(1);
  expect(await page.getByRole('radio', { name: /^Doanh thu/ }).isChecked()).toBe(true);
  expect(await page.getByRole('checkbox', { name: /^Tự động cập nhật phân cấp/ }).isChecked()).toBe(true);

  await page.getByRole('button', { name: 'Thêm cấp độ' }).click();
  const form = page.getByRole('dialog', { name: 'Thêm cấp độ' });
  await form.getByLabel('Tên cấp độ').fill('Vàng');
  await form.getByLabel('Số tiền tối thiểu (₫)').fill('50.000.000');
  await form.getByLabel('Chiết khấu (%)').fill('10');
  await page.screenshot({ path: `${shots}/tier-form.png` });
  await form.getByRole('button', { name: 'Lưu' }).click();

  const confirm = page.getByRole('dialog', { name: 'Cập nhật chiết khấu cho hàng hóa' });
  await expect.poll(() => confirm.getByRole('button', { name: 'Không cập nhật hàng hóa' }).count()).toBe(1);
  await page.screenshot({ path: `${shots}/tier-confirm.png` });
  await confirm.getByRole('button', { name: 'Cập nhật cho toàn bộ hàng hóa' }).click();
  await expect.poll(() => page.getByRole('status').textContent()).toContain('Đã cập nhật 2 dòng hàng hóa');

  const table = page.getByRole('region', { name: 'Phân cấp khách hàng' }).or(page.locator('section[aria-label="Phân cấp khách hàng"]'));
  const row = table.getByRole('row', { name: /Vàng/ });
  await expect.poll(() => row.textContent()).toContain('≥ 50.000.000 ₫');
  expect(await row.textContent()).toContain('10%');
  expect((await row.getByRole('cell').allTextContents()).map((cell) => cell.trim())).toContain('3');
  await page.screenshot({ path: `${shots}/tier-settings.png` });

  await page.getByRole('button', { name: 'Tính lại phân cấp' }).click();
  await expect.poll(() => page.getByRole('status').textContent()).toContain('Đã tính lại phân cấp: 0 khách hàng thay đổi.');

  await page.getByRole('link', { name: 'Khách hàng', exact: true }).click();
  await expect.poll(() => page.getByText(`Tổng số: ${goldNames.length + 1 + plainNames.length} khách hàng`).count()).toBe(1);
  await page.getByRole('combobox', { name: /^Phân cấp/ }).selectOption({ label: 'Vàng' });
  await expect.poll(() => page.getByText(`Tổng số: ${goldNames.length} khách hàng`).count()).toBe(1);
  const shown = (name: string) => page.getByRole('gridcell', { name, exact: true }).count();
  for (const name of goldNames) await expect.poll(() => shown(name)).toBe(1);
  for (const name of [nearName, ...plainNames]) expect(await shown(name)).toBe(0);
  // The Phân cấp column names the tier.
  await expect.poll(() => page.getByRole('gridcell', { name: 'Vàng', exact: true }).count()).toBe(goldNames.length);
  await page.screenshot({ path: `${shots}/customers-by-tier.png` });

  // "Cấp độ" is every tier: the filter is gone.
  await page.getByRole('combobox', { name: /^Phân cấp/ }).selectOption({ label: 'Cấp độ' });
  await expect.poll(() => page.getByText(`Tổng số: ${goldNames.length + 1 + plainNames.length} khách hàng`).count()).toBe(1);
  await page.getByRole('gridcell', { name: nearName, exact: true }).dblclick();
  const detail = page.getByRole('complementary', { name: nearName });
  await expect.poll(() => detail.getByText('Còn 12.000.000 ₫ nữa để lên Vàng').count()).toBe(1);
  await page.screenshot({ path: `${shots}/customer-detail-next-tier.png` });

  // A tier by hand on the customer form (admins and managers).
  await detail.getByRole('button', { name: 'Sửa', exact: true }).click();
  const edit = page.getByRole('dialog', { name: 'Sửa khách hàng' });
  await edit.getByRole('combobox', { name: /^Phân cấp/ }).selectOption({ label: 'Vàng' });
  await edit.getByRole('button', { name: 'Lưu' }).click();
  await expect.poll(() => detail.getByText('Vàng · chiết khấu 10%').count()).toBe(1);
  expect(pageErrors).toEqual([]);
});
