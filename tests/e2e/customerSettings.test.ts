import { expect, test } from 'vitest';
import { screenshotDir, signInThroughUi } from '../support/browser';
import { useBrowserApp } from '../support/browserApp';

const app = useBrowserApp();

test('Thiết lập › Khách hàng: the admin switches duplicate tax codes from warn to refuse, saved with a toast', { timeout: 20_000 }, async () => {
  const { page, pageErrors } = await app.newPage();

  await page.goto(app.server.url);
  await signInThroughUi(page, 'admin', app.server.adminPassword);
  await page.getByRole('link', { name: 'Thiết lập' }).click();
  await page.getByRole('tab', { name: 'Khách hàng', exact: true }).click();

  const warn = page.getByRole('radio', { name: /^Cảnh báo khi trùng mã số thuế/ });
  const refuse = page.getByRole('radio', { name: /^Không cho lưu khi trùng mã số thuế/ });
  await expect.poll(() => warn.isChecked()).toBe(true);
  expect(await refuse.isChecked()).toBe(false);

  await refuse.check();
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect.poll(() => page.getByRole('status').textContent()).toContain('Đã lưu thiết lập khách hàng.');
  const saved = await app.server.db('app_settings').where({ key: 'customers' }).first('value');
  expect(saved.value).toEqual({ duplicateTaxCode: 'refuse' });
  await page.screenshot({ path: `${screenshotDir}/customer-settings.png` });

  // What was saved is what the tab shows next time.
  await page.reload();
  await page.getByRole('link', { name: 'Thiết lập' }).click();
  await page.getByRole('tab', { name: 'Khách hàng', exact: true }).click();
  await expect.poll(() => refuse.isChecked()).toBe(true);
  expect(pageErrors).toEqual([]);
});
