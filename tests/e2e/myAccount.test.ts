import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { screenshotDir, signInThroughUi } from '../support/browser';
import { useBrowserApp } from '../support/browserApp';

const newPassword = 'Mat-Khau-Moi-2026';

const app = useBrowserApp();

async function signIn(page: Page, password: string): Promise<void> {
  await signInThroughUi(page, 'admin', password);
  await expect.poll(() => page.getByRole('button', { name: 'Đăng xuất' }).count()).toBe(1);
}

test('Tài khoản của tôi: a wrong current password is refused, the right one changes it, the new one signs in', { timeout: 20_000 }, async () => {
  const { page, pageErrors } = await app.newPage();

  await page.goto(app.server.url);
  await signIn(page, app.server.adminPassword);
  await page.getByRole('link', { name: 'Thiết lập' }).click();

  // Editing yourself under Người dùng offers no password field, only the way to Tài khoản của tôi.
  const adminRow = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'admin', exact: true }) });
  await adminRow.getByRole('button', { name: 'Sửa' }).click();
  const userForm = page.getByRole('dialog', { name: 'Sửa người dùng' });
  await expect.poll(() => userForm.getByText('Để đổi mật khẩu của chính bạn', { exact: false }).count()).toBe(1);
  expect(await userForm.getByLabel(/Mật khẩu/).count()).toBe(0);
  await userForm.getByRole('button', { name: 'Hủy' }).click();
  await expect.poll(() => userForm.count()).toBe(0);

  await page.getByRole('tab', { name: 'Tài khoản của tôi' }).click();
  const form = page.getByRole('region', { name: 'Đổi mật khẩu' });
  const current = form.getByLabel('Mật khẩu hiện tại');
  // Anchored: "Nhập lại mật khẩu mới" also contains it, and the label text ends with the required mark.
  const fresh = form.getByLabel(/^Mật khẩu mới/);
  const repeat = form.getByLabel('Nhập lại mật khẩu mới');
  const save = form.getByRole('button', { name: 'Lưu mật khẩu' });

  // The two new ones must match (checked here, nothing sent).
  await current.fill(app.server.adminPassword);
  await fresh.fill(newPassword);
  await repeat.fill(`${newPassword}x`);
  await save.click();
  await expect.poll(() => form.getByRole('alert').textContent()).toBe('Mật khẩu nhập lại không khớp với mật khẩu mới.');

  // A wrong current password: the server refuses, the form says so in Vietnamese.
  await current.fill('sai-mat-khau');
  await repeat.fill(newPassword);
  await save.click();
  await expect.poll(() => form.getByRole('alert').textContent()).toBe('Mật khẩu hiện tại không đúng.');

  // The right one: the toast, the fields cleared, still signed in.
  await current.fill(app.server.adminPassword);
  await save.click();
  await expect.poll(() => page.getByText('Đã đổi mật khẩu.').count()).toBe(1);
  expect(await form.getByRole('alert').count()).toBe(0);
  expect(await current.inputValue()).toBe('');
  await page.screenshot({ path: `${screenshotDir}/e2e-my-account-password.png` });

  // Sign out; the old password no longer works, the new one does.
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect.poll(() => page.getByRole('button', { name: 'Đăng nhập' }).count()).toBe(1);
  await page.getByLabel('Tên đăng nhập').fill('admin');
  await page.getByLabel('Mật khẩu').fill(app.server.adminPassword);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect.poll(() => page.getByText('Tên đăng nhập hoặc mật khẩu không đúng.').count()).toBe(1);
  await signIn(page, newPassword);

  expect(pageErrors).toEqual([]);
});
