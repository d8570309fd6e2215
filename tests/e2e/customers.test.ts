import { mkdir } from 'node:fs/promises';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { CustomerGroup, CustomerType } from '../../shared/schemas/classification';
import type { Customer } from '../../shared/schemas/customers';
import { startTestServer } from '../support/testServer';

const screenshotDir = 'tests/.tmp';
const newCustomerName = 'Công ty TNHH Ánh Dương';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let token: string;

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function findCustomer(name: string): Promise<Customer> {
  const page = await api<{ rows: Customer[] }>('GET', `/api/customers?name=${encodeURIComponent(name)}`);
  const customer = page.rows.find((row) => row.name === name);
  if (!customer) throw new Error(`no customer ${name}`);
  return customer;
}

/** The grid row (pinned checkbox cell and scrolling cells share one row element) showing a customer name. */
const gridRow = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('gridcell', { name, exact: true }) });

beforeAll(async () => {
  server = await startTestServer();
  token = (await api<{ token: string }>('POST', '/api/auth/login', { username: 'admin', password: server.adminPassword })).token;
  await api<CustomerType>('POST', '/api/customer-types', { name: 'Doanh nghiệp' });
  await api<CustomerType>('POST', '/api/customer-types', { name: 'Cá nhân' });
  await api<CustomerGroup>('POST', '/api/customer-groups', { name: 'VIP', points: 30 });
  await api<CustomerGroup>('POST', '/api/customer-groups', { name: 'Khách quen', points: 10 });
  await api<Customer>('POST', '/api/customers', { name: 'Nguyễn Văn Bình', phone: '0901234567' });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  await mkdir(screenshotDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('log in, create a customer with a type and a group, add a group to two customers in bulk', { timeout: 60_000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 820 }, locale: 'vi-VN' });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  await page.goto(server.url);
  await page.getByLabel('Tên đăng nhập').fill('admin');
  await page.getByLabel('Mật khẩu').fill(server.adminPassword);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();

  // The customer grid, filled from the server.
  await expect.poll(() => gridRow(page, 'Nguyễn Văn Bình').count()).toBe(1);
  await expect.poll(() => page.getByText('Tổng số: 1 khách hàng').count()).toBe(1);

  // Create a customer through the form, ticking a type and a group.
  await page.getByRole('button', { name: 'Thêm khách hàng' }).click();
  const form = page.getByRole('dialog', { name: 'Thêm khách hàng' });
  await form.getByLabel('Tên khách hàng').fill(newCustomerName);
  await form.getByLabel('Điện thoại').fill('0281234567');
  await form.getByLabel('Email').fill('lienhe@anhduong.vn');
  await form.getByRole('group', { name: 'Loại khách hàng' }).getByLabel('Doanh nghiệp').check();
  await form.getByRole('group', { name: 'Nhóm khách hàng' }).getByLabel('VIP').check();
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect.poll(() => form.count()).toBe(0);
  await expect.poll(() => gridRow(page, newCustomerName).count()).toBe(1);

  const created = await findCustomer(newCustomerName);
  expect(created.typeName).toBe('Doanh nghiệp');
  expect(created.email).toBe('lienhe@anhduong.vn');
  const groups = await api<CustomerGroup[]>('GET', '/api/customer-groups');
  const groupId = (name: string) => groups.find((group) => group.name === name)?.id;
  expect(created.groupIds).toEqual([groupId('VIP')]);

  // Select both customers and add the group "Khách quen" to them.
  await gridRow(page, newCustomerName).getByRole('checkbox').check();
  await gridRow(page, 'Nguyễn Văn Bình').getByRole('checkbox').check();
  await expect.poll(() => page.getByText('Đã chọn 2 khách hàng.').count()).toBe(1);
  await page.getByRole('button', { name: 'Chuyển nhóm' }).click();
  const bulk = page.getByRole('dialog', { name: 'Chuyển nhóm khách hàng' });
  await bulk.getByLabel('Thêm nhóm').check();
  await bulk.getByRole('group', { name: 'Nhóm khách hàng' }).getByLabel('Khách quen').check();
  await bulk.getByRole('button', { name: 'Thực hiện' }).click();
  await expect.poll(() => page.getByText('Đã cập nhật nhóm cho 2 khách hàng.').count()).toBe(1);

  // The grid shows the new groups; the API agrees.
  await expect.poll(() => gridRow(page, newCustomerName).getByRole('gridcell', { name: 'VIP, Khách quen' }).count()).toBe(1);
  await expect.poll(() => gridRow(page, 'Nguyễn Văn Bình').getByRole('gridcell', { name: 'Khách quen', exact: true }).count()).toBe(1);
  expect((await findCustomer(newCustomerName)).groupIds.sort()).toEqual([groupId('VIP'), groupId('Khách quen')].sort());
  expect((await findCustomer('Nguyễn Văn Bình')).groupIds).toEqual([groupId('Khách quen')]);
  await page.screenshot({ path: `${screenshotDir}/e2e-customer-grid.png` });

  // The detail opens on double-click, with its contacts tab.
  await gridRow(page, newCustomerName).getByRole('gridcell', { name: newCustomerName }).dblclick();
  const detail = page.getByRole('complementary', { name: newCustomerName });
  await expect.poll(() => detail.getByText('lienhe@anhduong.vn').count()).toBe(1);
  await detail.getByRole('tab', { name: 'Liên hệ' }).click();
  await detail.getByRole('button', { name: 'Thêm liên hệ' }).click();
  const contactForm = page.getByRole('dialog', { name: 'Thêm liên hệ' });
  await contactForm.getByLabel('Họ và đệm').fill('Trần Thị');
  await contactForm.getByRole('textbox', { name: 'Tên', exact: true }).fill('Hoa');
  await contactForm.getByLabel('Chức vụ').fill('Giám đốc');
  await contactForm.getByRole('button', { name: 'Lưu' }).click();
  await expect.poll(() => detail.getByRole('cell', { name: 'Trần Thị Hoa' }).count()).toBe(1);
  await page.screenshot({ path: `${screenshotDir}/e2e-customer-detail.png` });

  expect(pageErrors).toEqual([]);
});
