import { expect, test } from 'vitest';
import type { Customer } from '../../shared/schemas/customers';
import { screenshotDir, signInThroughUi } from '../support/browser';
import { useBrowserApp } from '../support/browserApp';
import { sheetOf } from '../support/sheetOf';

const app = useBrowserApp(async ({ server, login, api }) => {
  const token = await login('admin', server.adminPassword);
  for (const name of ['Xuất Khẩu Hoa Mai', 'Xuất Khẩu Bình An', 'Xuất Khẩu Sao Việt']) await api<Customer>(token, 'POST', '/api/customers', { name, email: `${name.length}@example.vn` });
  return { token };
});

test('Xuất khẩu on the customer grid downloads the filtered rows with the grid’s columns; the export is listed as recent', { timeout: 90_000 }, async () => {
  const { page, pageErrors } = await app.newPage();
  await page.goto(app.server.url);
  await signInThroughUi(page, 'admin', app.server.adminPassword);
  await expect.poll(() => page.getByText(/^Tổng số: 3 khách hàng$/).count()).toBe(1);

  await page.getByRole('button', { name: 'Xuất khẩu', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Xuất khẩu ra Excel' });
  await expect.poll(() => dialog.getByText('Tất cả kết quả đang lọc (3)').count()).toBe(1);
  expect(await dialog.getByLabel('Các dòng đã chọn (0)').isDisabled()).toBe(true);
  await page.screenshot({ path: `${screenshotDir}/e2e-export-dialog.png` });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Xuất khẩu', exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^khach-hang-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const sheet = await sheetOf(await file.path());
  const headers = (sheet.getRow(1).values as unknown[]).slice(1);
  // The grid's visible columns in its order: it starts with code and name.
  expect(headers.slice(0, 2)).toEqual(['Mã khách hàng', 'Tên khách hàng']);
  expect(headers).toContain('Email');
  const names: unknown[] = [];
  sheet.eachRow((row, number) => number > 1 && names.push(row.getCell(2).value));
  expect(names).toEqual(['Xuất Khẩu Bình An', 'Xuất Khẩu Hoa Mai', 'Xuất Khẩu Sao Việt']);
  await expect.poll(() => page.getByText(/Đã xuất 3 dòng vào khach-hang-/).count()).toBe(1);

  // Under a loaded CI machine a click right after the finished download's toast was once lost: open until the dialog shows.
  const recentButton = page.getByRole('button', { name: 'Xuất khẩu gần đây' });
  await expect.poll(async () => {
    if (!(await recentButton.isVisible())) await page.getByRole('button', { name: 'Xuất khẩu', exact: true }).first().click();
    return recentButton.isVisible();
  }, { timeout: 15_000 }).toBe(true);
  await recentButton.click();
  const recent = page.getByRole('dialog', { name: 'Xuất khẩu gần đây' });
  await expect.poll(() => recent.getByRole('cell', { name: 'Hoàn thành' }).count()).toBe(1);
  expect(await recent.getByRole('cell', { name: 'Khách hàng', exact: true }).count()).toBe(1);
  await page.screenshot({ path: `${screenshotDir}/e2e-export-recent.png` });
  expect(pageErrors).toEqual([]);
});
