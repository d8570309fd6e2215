import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { formatDate, formatMoney } from '../../shared/format';
import type { Customer } from '../../shared/schemas/customers';
import { screenshotDir, signInThroughUi } from '../support/browser';
import { useBrowserApp } from '../support/browserApp';

const app = useBrowserApp(async ({ server, login, api }) => {
  const token = await login('admin', server.adminPassword);
  for (const name of ['Dán Một', 'Dán Hai', 'Dán Ba']) await api<Customer>(token, 'POST', '/api/customers', { name, email: `${name.length}@vi.du` });
  return { token };
});

const api = <T>(method: string, path: string, body?: unknown) => app.api<T>(app.data.token, method, path, body);

async function signedIn() {
  const opened = await app.newPage();
  await opened.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.url });
  await opened.page.goto(app.server.url);
  await signInThroughUi(opened.page, 'admin', app.server.adminPassword);
  await opened.page.getByText('Tổng số: 3 khách hàng').waitFor();
  return opened;
}

/** The cell of the row shown at `rowIndex`, by column id. */
const cellAt = (page: Page, rowIndex: number, colId: string) => page.locator(`.ag-row[row-index="${rowIndex}"] [col-id="${colId}"]`);

/** The customers in the order the grid shows them. */
async function shownCustomers(page: Page): Promise<Customer[]> {
  const names = await Promise.all([0, 1, 2].map((index) => cellAt(page, index, 'name').textContent()));
  const { rows } = await api<{ rows: Customer[] }>('GET', '/api/customers?limit=10');
  return names.map((name) => rows.find((row) => row.name === name)!);
}

/** A paste as the browser fires it on the focused element (what Ctrl+V does with text on the clipboard). */
const pasteText = (page: Page, text: string) =>
  page.evaluate((pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);

test('arrow keys move the focus; three values paste down three rows after a preview, in one request, saved after a reload', { timeout: 90_000 }, async () => {
  const { page, pageErrors } = await signedIn();
  const [first, second, third] = await shownCustomers(page);

  await cellAt(page, 0, 'phone').click();
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => cellAt(page, 1, 'phone').getAttribute('class')).toContain('ag-cell-focus');
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => cellAt(page, 0, 'phone').getAttribute('class')).toContain('ag-cell-focus');

  // From Excel: one column, three lines, CRLF and a final line break.
  const bulkEdit = page.waitForRequest((request) => request.method() === 'POST' && request.url().endsWith('/api/customers/bulk-edit'));
  await pasteText(page, '0901 111 111\r\n0902 222 222\r\n0903 333 333\r\n');
  const preview = page.getByRole('dialog', { name: 'Dán 3 giá trị vào cột Điện thoại của 3 khách hàng' });
  await preview.waitFor();
  for (const [customer, phone] of [[first, '0901 111 111'], [second, '0902 222 222'], [third, '0903 333 333']] as const) {
    await preview.getByRole('row', { name: `${customer.name} — ${phone}` }).waitFor();
  }
  await page.screenshot({ path: `${screenshotDir}/e2e-grid-paste-preview.png` });
  await preview.getByRole('button', { name: 'Dán vào 3 dòng' }).click();
  const request = await bulkEdit;
  expect(request.headers()['idempotency-key']).toMatch(/^[0-9a-f]{32}$/);
  expect(request.postDataJSON()).toEqual({
    changes: [
      { id: first.id, version: first.version, phone: '0901 111 111' },
      { id: second.id, version: second.version, phone: '0902 222 222' },
      { id: third.id, version: third.version, phone: '0903 333 333' },
    ],
  });
  await page.getByText('Đã dán 3 giá trị.').waitFor();
  await preview.waitFor({ state: 'detached' });

  await page.reload();
  await page.getByText('Tổng số: 3 khách hàng').waitFor();
  await expect.poll(() => Promise.all([0, 1, 2].map((index) => cellAt(page, index, 'phone').textContent()))).toEqual(['0901 111 111', '0902 222 222', '0903 333 333']);

  // One value into one cell is an edit of that cell: one PATCH with the row's version.
  const patch = page.waitForRequest((sent) => sent.method() === 'PATCH' && sent.url().endsWith(`/api/customers/${first.id}`));
  await cellAt(page, 0, 'phone').click();
  await pasteText(page, '0999 000 000');
  expect((await patch).postDataJSON()).toEqual({ version: first.version + 1, phone: '0999 000 000' });
  await cellAt(page, 0, 'phone').getByRole('status', { name: 'Đã lưu' }).waitFor();
  expect((await api<Customer>('GET', `/api/customers/${first.id}`)).phone).toBe('0999 000 000');
  expect(pageErrors).toEqual([]);
});

test('the column chooser hides a column and density changes the rows, both kept after a reload; Ctrl+C copies two selected rows as TSV', { timeout: 90_000 }, async () => {
  const { page, pageErrors } = await signedIn();
  const header = (name: string) => page.getByRole('columnheader', { name, exact: true });
  await header('Email').waitFor();

  await page.getByRole('button', { name: 'Chọn cột' }).click();
  const chooser = page.getByRole('dialog', { name: 'Chọn cột' });
  await chooser.getByRole('checkbox', { name: 'Email' }).uncheck();
  await chooser.getByRole('button', { name: 'Đưa cột Điện thoại lên' }).click();
  await chooser.getByRole('button', { name: 'Áp dụng' }).click();
  await header('Email').waitFor({ state: 'detached' });
  await page.getByRole('group', { name: 'Mật độ dòng' }).getByRole('button', { name: 'Gọn' }).click();
  await expect.poll(() => cellAt(page, 0, 'name').evaluate((element) => element.closest('[role=row]')!.getBoundingClientRect().height)).toBe(28);
  await page.screenshot({ path: `${screenshotDir}/e2e-grid-columns-compact.png` });
  // The layout is saved a moment after the last change.
  await expect.poll(async () => JSON.stringify(await api('GET', '/api/preferences/customerGrid.columnState')), { timeout: 5000 }).toContain('"density":"compact"');

  await page.reload();
  await page.getByText('Tổng số: 3 khách hàng').waitFor();
  await header('Điện thoại').waitFor();
  expect(await header('Email').count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Gọn' }).getAttribute('aria-pressed')).toBe('true');
  expect(await cellAt(page, 0, 'name').evaluate((element) => element.closest('[role=row]')!.getBoundingClientRect().height)).toBe(28);

  // Two selected rows: the visible columns in display order (Điện thoại moved before Nhóm, no Email), a header line, values as shown.
  const [first, second] = await shownCustomers(page);
  await cellAt(page, 0, 'name').click();
  await cellAt(page, 1, 'name').click({ modifiers: ['Control'] });
  await page.keyboard.press('Control+c');
  const shown = (customer: Customer) => [
    customer.code, customer.name, '', '', customer.phone ?? '', '', '', '', customer.ownerName ?? '', '☆☆☆☆☆', '0', formatMoney(customer.revenue),
    '', '', formatDate(customer.createdAt), formatDate(customer.ownerAssignedAt),
  ].join('\t');
  const headerLine = ['Mã khách hàng', 'Tên khách hàng', 'Loại khách hàng', 'Phân cấp', 'Điện thoại', 'Nhóm khách hàng', 'Mã số thuế', 'Địa chỉ', 'Người phụ trách', 'Xếp hạng', 'Điểm', 'Doanh thu',
    'Tình trạng chăm sóc', 'Thẻ', 'Ngày tạo', 'Ngày nhận'].join('\t');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe([headerLine, shown(first), shown(second)].join('\r\n'));
  expect(pageErrors).toEqual([]);
});
