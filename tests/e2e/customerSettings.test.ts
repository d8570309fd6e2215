import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium, screenshotDir, signInThroughUi } from '../support/browser';
import { startTestServer } from '../support/testServer';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('Thiết lập › Khách hàng: the admin switches duplicate tax codes from warn to refuse, saved with a toast', { timeout: 20_000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 820 }, locale: 'vi-VN' });
  page.setDefaultTimeout(10_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  await page.goto(server.url);
  await signInThroughUi(page, 'admin', server.adminPassword);
  await page.getByRole('link', { name: 'Thiết lập' }).click();
  await page.getByRole('tab', { name: 'Khách hàng', exact: true }).click();

  const warn = page.getByRole('radio', { name: /^Cảnh báo khi trùng mã số thuế/ });
  const refuse = page.getByRole('radio', { name: /^Không cho lưu khi trùng mã số thuế/ });
  await expect.poll(() => warn.isChecked()).toBe(true);
  expect(await refuse.isChecked()).toBe(false);

  await refuse.check();
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect.poll(() => page.getByRole('status').textContent()).toContain('Đã lưu thiết lập khách hàng.');
  const saved = await server.db('app_settings').where({ key: 'customers' }).first('value');
  expect(saved.value).toEqual({ duplicateTaxCode: 'refuse' });
  await page.screenshot({ path: `${screenshotDir}/customer-settings.png` });

  // What was saved is what the tab shows next time.
  await page.reload();
  await page.getByRole('link', { name: 'Thiết lập' }).click();
  await page.getByRole('tab', { name: 'Khách hàng', exact: true }).click();
  await expect.poll(() => refuse.isChecked()).toBe(true);
  expect(pageErrors).toEqual([]);
});
