import { expect, test } from 'vitest';
import { screenshotDir, signInThroughUi } from '../support/browser';
import { useBrowserApp } from '../support/browserApp';

const app = useBrowserApp();

test('Thiết lập › Tình trạng chăm sóc: an empty name is refused at its field, a new status is listed, the reserved ones offer no edit', { timeout: 30_000 }, async () => {
  const { page, pageErrors } = await app.newPage();
  await page.goto(app.server.url);
  await signInThroughUi(page, 'admin', app.server.adminPassword);
  await page.getByRole('link', { name: 'Thiết lập' }).click();
  await page.getByRole('tab', { name: 'Tình trạng chăm sóc' }).click();
  const section = page.getByRole('region', { name: 'Tình trạng chăm sóc' });

  await section.getByRole('button', { name: 'Thêm tình trạng chăm sóc' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm tình trạng chăm sóc' });
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect.poll(() => dialog.locator('[data-field="name"] .field-error').textContent()).toBe('Vui lòng nhập tên tình trạng.');

  await dialog.getByLabel('Tên tình trạng').fill('Hẹn gặp lại');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await dialog.waitFor({ state: 'detached' });
  const added = section.getByRole('row').filter({ hasText: 'Hẹn gặp lại' });
  await expect.poll(() => added.count()).toBe(1);
  expect(await added.getByRole('button', { name: 'Sửa' }).count()).toBe(1);

  const reserved = section.getByRole('row').filter({ hasText: 'Account đã gán Multi Assigned' });
  expect(await reserved.getByRole('button', { name: 'Sửa' }).count()).toBe(0);
  expect(await reserved.getByRole('button', { name: 'Xóa' }).count()).toBe(0);
  await page.screenshot({ path: `${screenshotDir}/care-status-settings.png` });
  expect(pageErrors).toEqual([]);
});
