import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { formatDateTime } from '../../shared/format';
import type { Customer } from '../../shared/schemas/customers';
import type { MultiAssignRule } from '../../shared/schemas/multiAssign';
import { screenshotDir, signInThroughUi } from '../support/browser';
import { useBrowserApp } from '../support/browserApp';

const password = 'Staff-Pass-123';

const app = useBrowserApp(async ({ server, login, api }) => {
  const admin = await login('admin', server.adminPassword);
  const department = await api<{ id: number }>(admin, 'POST', '/api/departments', { name: 'Chăm sóc khách hàng' });
  await api(admin, 'POST', '/api/users', { username: 'nv.binh', password, fullName: 'Phạm Thị Bình', departmentId: department.id, role: 'staff' });
  await api(admin, 'POST', '/api/campaigns', { name: 'Tri ân khách hàng VIP' });
  for (const name of ['Công ty TNHH Hoa Sen', 'Công ty CP Minh Phát', 'Cửa hàng Bình An']) await api<Customer>(admin, 'POST', '/api/customers', { name });
  return { admin };
});

const gridRow = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('gridcell', { name, exact: true }) });
const customerNamed = async (name: string) =>
  (await app.api<{ rows: Customer[] }>(app.data.admin, 'GET', `/api/customers?name=${encodeURIComponent(name)}`)).rows.find((row) => row.name === name)!;

test('mass update two customers into a campaign as "Account Multi Assigned", create a rule, run it now, see what it shared', { timeout: 90_000 }, async () => {
  const { page, pageErrors } = await app.newPage({ timeout: 20_000 });
  await page.goto(app.server.url);
  await signInThroughUi(page, 'admin', app.server.adminPassword);
  await expect.poll(() => gridRow(page, 'Cửa hàng Bình An').count()).toBe(1);

  // Cập nhật hàng loạt on two selected rows: care status and campaign.
  await gridRow(page, 'Công ty TNHH Hoa Sen').getByRole('checkbox').check();
  await gridRow(page, 'Công ty CP Minh Phát').getByRole('checkbox').check();
  await expect.poll(() => page.getByText('Đã chọn 2 khách hàng.').count()).toBe(1);
  await page.getByRole('button', { name: 'Cập nhật hàng loạt' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cập nhật hàng loạt' });
  await dialog.getByLabel('Tình trạng chăm sóc').selectOption({ label: 'Account Multi Assigned' });
  await dialog.getByLabel('Thêm vào chiến dịch').selectOption({ label: 'Tri ân khách hàng VIP' });
  await page.screenshot({ path: `${screenshotDir}/e2e-mass-update-dialog.png` });
  await dialog.getByRole('button', { name: 'Cập nhật' }).click();
  const report = page.getByRole('dialog', { name: 'Kết quả cập nhật hàng loạt' });
  await expect.poll(() => report.getByRole('status').textContent()).toBe('Đã cập nhật 2 khách hàng.');
  await page.screenshot({ path: `${screenshotDir}/e2e-mass-update-result.png` });
  await report.getByRole('button', { name: 'Đóng' }).click();
  expect((await customerNamed('Công ty TNHH Hoa Sen')).careStatus).toBe('multi_assign_pending');
  // The grid filtered by that care status shows the two.
  await page.getByLabel('Tình trạng chăm sóc').selectOption({ label: 'Account Multi Assigned' });
  await expect.poll(() => page.getByText('Tổng số: 2 khách hàng').count()).toBe(1);

  // Chiến dịch: the campaign counts its two customers and opens them in the grid.
  await page.getByRole('link', { name: 'Chiến dịch' }).click();
  await expect.poll(() => page.getByRole('link', { name: 'Xem 2 khách hàng' }).count()).toBe(1);
  await page.screenshot({ path: `${screenshotDir}/e2e-campaigns.png` });
  await page.getByRole('link', { name: 'Xem 2 khách hàng' }).click();
  await expect.poll(() => page.getByText('Tổng số: 2 khách hàng').count()).toBe(1);
  expect(await gridRow(page, 'Cửa hàng Bình An').count()).toBe(0);
  await page.screenshot({ path: `${screenshotDir}/e2e-campaign-members.png` });

  // Thiết lập › Multi Assigned Account: a rule for the campaign, shared with Bình.
  await page.getByRole('link', { name: 'Thiết lập' }).click();
  await page.getByRole('tab', { name: 'Multi Assigned Account' }).click();
  await page.getByRole('button', { name: 'Thêm quy tắc' }).click();
  const form = page.getByRole('dialog', { name: 'Thêm quy tắc Multi Assigned Account' });
  await form.getByLabel('Tên quy tắc').fill('Chia sẻ khách VIP cho CSKH');
  await expect.poll(() => form.getByLabel('Chỉ định cho').inputValue()).toBe('Quản trị hệ thống');
  await form.getByRole('combobox', { name: 'Chiến dịch', exact: true }).selectOption({ label: 'Tri ân khách hàng VIP' });
  await form.getByLabel('Người dùng được chia sẻ').fill('binh');
  await page.getByRole('option', { name: /Phạm Thị Bình/ }).click();
  await form.getByLabel('Chu kỳ chạy (phút)').fill('30');
  await page.screenshot({ path: `${screenshotDir}/e2e-multi-assign-form.png` });
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect.poll(() => form.count()).toBe(0);
  const ruleRow = page.getByRole('row').filter({ hasText: 'Chia sẻ khách VIP cho CSKH' });
  await expect.poll(() => ruleRow.getByText('Chưa chạy').count()).toBe(1);

  await ruleRow.getByRole('button', { name: 'Chạy ngay: Chia sẻ khách VIP cho CSKH' }).click();
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'đã chia sẻ' }).textContent())
    .toBe('“Chia sẻ khách VIP cho CSKH”: đã chia sẻ 2 khách hàng với 1 người dùng.');
  const [rule] = await app.api<MultiAssignRule[]>(app.data.admin, 'GET', '/api/automations/multi-assign');
  await expect.poll(() => ruleRow.getByText(`${formatDateTime(rule.lastRunAt)} · chia sẻ 2 khách hàng`).count()).toBe(1);
  await page.screenshot({ path: `${screenshotDir}/e2e-multi-assign-run.png` });

  // What it did: both customers moved on and Bình may open them, read-only.
  expect((await customerNamed('Công ty CP Minh Phát')).careStatus).toBe('multi_assign_done');
  const binh = await app.login('nv.binh', password);
  const seen = await app.api<{ rows: Customer[] }>(binh, 'GET', '/api/customers?sort=name:asc');
  expect(seen.rows.map((row) => [row.name, row.access])).toEqual([['Công ty CP Minh Phát', 'read'], ['Công ty TNHH Hoa Sen', 'read']]);
  expect(pageErrors).toEqual([]);
});
