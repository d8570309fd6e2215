import { expect, test } from 'vitest';
import type { Customer } from '../../shared/schemas/customers';
import { screenshotDir, signInThroughUi } from '../support/browser';
import { useBrowserApp } from '../support/browserApp';

/** More than one block of the grid (100 rows), so "select all matching" sends the filter. */
const customerCount = 120;

const app = useBrowserApp(async ({ server, login, api }) => {
  const admin = await login('admin', server.adminPassword);
  const names = Array.from({ length: customerCount }, (_, index) => `Đại lý số ${String(index + 1).padStart(3, '0')}`);
  for (let start = 0; start < names.length; start += 10) {
    await Promise.all(names.slice(start, start + 10).map((name) => api<Customer>(admin, 'POST', '/api/customers', { name })));
  }
  return { admin };
});

test('select all matching → Cập nhật hàng loạt of the care status → per-field report, and the grid shows the new value', { timeout: 90_000 }, async () => {
  // Wide enough that AG Grid renders the care status column (it renders only the columns in view).
  const { page, pageErrors } = await app.newPage({ timeout: 20_000, viewport: { width: 3200, height: 900 } });
  await page.goto(app.server.url);
  await signInThroughUi(page, 'admin', app.server.adminPassword);
  await expect.poll(() => page.getByText(`Tổng số: ${customerCount} khách hàng`).count()).toBe(1);
  await expect.poll(() => page.getByRole('columnheader', { name: 'Tình trạng chăm sóc' }).count()).toBe(1);
  await expect.poll(() => page.getByRole('gridcell', { name: 'Đang chăm sóc', exact: true }).count()).toBe(0);

  await page.getByRole('checkbox', { name: 'Chọn tất cả các dòng đã tải' }).check();
  await page.getByRole('button', { name: `Chọn tất cả ${customerCount} kết quả` }).click();
  await expect.poll(() => page.getByText(`Đã chọn tất cả ${customerCount} khách hàng phù hợp.`).count()).toBe(1);
  await page.getByRole('button', { name: 'Cập nhật hàng loạt' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cập nhật hàng loạt' });
  await dialog.getByLabel('Tình trạng chăm sóc').selectOption({ label: 'Đang chăm sóc' });
  await dialog.getByLabel('Thêm thẻ').fill('đại lý, miền Bắc');
  await dialog.getByRole('button', { name: 'Cập nhật' }).click();

  const report = page.getByRole('dialog', { name: 'Kết quả cập nhật hàng loạt' });
  await expect.poll(() => report.getByRole('status').textContent()).toBe(`Đã cập nhật ${customerCount} khách hàng.`);
  await expect.poll(() => report.getByText(`Tình trạng chăm sóc: ${customerCount} thay đổi, 0 đã đúng như yêu cầu`).count()).toBe(1);
  await expect.poll(() => report.getByText(`Thêm thẻ: ${customerCount} thay đổi, 0 đã đúng như yêu cầu`).count()).toBe(1);
  await page.screenshot({ path: `${screenshotDir}/e2e-mass-update-all-matching.png` });
  await report.getByRole('button', { name: 'Đóng' }).click();

  // The grid refreshes in place (live update / after the change): the loaded rows show the new care status.
  await expect.poll(() => page.getByRole('gridcell', { name: 'Đang chăm sóc', exact: true }).count(), { timeout: 10_000 }).toBeGreaterThan(10);
  const all = await app.api<{ rows: Customer[]; total: number }>(app.data.admin, 'GET', `/api/customers?careStatus=${encodeURIComponent('Đang chăm sóc')}&limit=1`);
  expect(all.total).toBe(customerCount);
  expect(pageErrors).toEqual([]);
});
