import ExcelJS from 'exceljs';
import { expect, test } from 'vitest';
import type { Customer } from '../../shared/schemas/customers';
import { screenshotDir, signInThroughUi } from '../support/browser';
import { useBrowserApp } from '../support/browserApp';

const password = 'Staff-Pass-123';
/** More than one block of the grid (100 rows), so "select all matching" sends the filter. */
const customerCount = 150;

const app = useBrowserApp(async ({ server, login, api }) => {
  const admin = await login('admin', server.adminPassword);
  const sales = await api<{ id: number }>(admin, 'POST', '/api/departments', { name: 'Kinh doanh' });
  for (const [username, fullName, role] of [['quanly', 'Trần Quản Lý', 'manager'], ['nhanvien.an', 'Nguyễn Văn An', 'staff'], ['nhanvien.binh', 'Phạm Thị Bình', 'staff']]) {
    await api(admin, 'POST', '/api/users', { username, password, fullName, departmentId: sales.id, role });
  }
  const an = await login('nhanvien.an', password);
  const names = Array.from({ length: customerCount }, (_, index) => `Cửa hàng số ${String(index + 1).padStart(3, '0')}`);
  for (let start = 0; start < names.length; start += 10) {
    await Promise.all(names.slice(start, start + 10).map((name) => api<Customer>(an, 'POST', '/api/customers', { name })));
  }
});

test('select all matching → transfer → the result offers the .xlsx report: Vietnamese headers, frozen, filterable, every customer', { timeout: 90_000 }, async () => {
  const { page, pageErrors } = await app.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(app.server.url);
  await signInThroughUi(page, 'quanly', password);
  await expect.poll(() => page.getByText(`Tổng số: ${customerCount} khách hàng`).count()).toBe(1);
  await page.getByRole('checkbox', { name: 'Chọn tất cả các dòng đã tải' }).check();
  await page.getByRole('button', { name: `Chọn tất cả ${customerCount} kết quả` }).click();
  await expect.poll(() => page.getByText(`Đã chọn tất cả ${customerCount} khách hàng phù hợp.`).count()).toBe(1);

  await page.getByRole('button', { name: 'Chuyển chủ sở hữu' }).click();
  const dialog = page.getByRole('dialog', { name: 'Chuyển chủ sở hữu' });
  await dialog.getByRole('list', { name: 'Người dùng' }).getByRole('checkbox', { name: /^Phạm Thị Bình/ }).check();
  await dialog.getByRole('button', { name: 'Copy (1) →' }).click();
  await dialog.getByRole('button', { name: 'Cập nhật' }).click();
  const result = page.getByRole('dialog', { name: /^Kết quả chuyển chủ sở hữu/ });
  await expect.poll(() => result.getByText(`Đã chuyển ${customerCount} khách hàng.`).count()).toBe(1);

  const [download] = await Promise.all([page.waitForEvent('download'), result.getByRole('button', { name: 'Tải báo cáo (.xlsx)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^chuyen-chu-so-huu-lo-\d+\.xlsx$/);
  await page.screenshot({ path: `${screenshotDir}/e2e-transfer-report.png` });
  const file = `${screenshotDir}/transfer-report.xlsx`;
  await download.saveAs(file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  expect(sheet.getRow(1).values).toEqual([undefined, 'Mã khách hàng', 'Tên khách hàng', 'Người phụ trách cũ', 'Người phụ trách mới']);
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(sheet.autoFilter).toBeTruthy();
  const rows = sheet.getSheetValues().slice(2) as unknown as (string | undefined)[][];
  expect(rows).toHaveLength(customerCount);
  expect(new Set(rows.map((row) => row[2])).size).toBe(customerCount);
  expect(rows.every((row) => row[1] && row[4] === 'Phạm Thị Bình')).toBe(true);
  // The grid's loaded rows name the old owner (the first 100 in the grid's order).
  expect(rows.slice(0, 100).every((row) => row[3] === 'Nguyễn Văn An')).toBe(true);
  expect(pageErrors).toEqual([]);
  await page.close();
});
