import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { expect, test } from 'vitest';
import { formatDate } from '../../shared/format';
import { periodRange } from '../../shared/periods';
import type { Customer } from '../../shared/schemas/customers';
import type { Opportunity, OpportunityDetail } from '../../shared/schemas/opportunities';
import { screenshotDir, signInThroughUi } from '../support/browser';
import { useBrowserApp } from '../support/browserApp';

const password = 'Staff-Pass-123';
const customerName = 'Công ty TNHH Minh Khang';
const newName = 'Cung cấp máy lọc nước Minh Khang';
/** Where the screenshots for a person to look at go, besides the tests' own folder. */
const shots = process.env.CRM_SHOTS_DIR ?? screenshotDir;

const app = useBrowserApp(async ({ server, login, api }) => {
  const admin = await login('admin', server.adminPassword);
  const department = await api<{ id: number }>(admin, 'POST', '/api/departments', { name: 'Kinh doanh' });
  const staff = await api<{ id: number }>(admin, 'POST', '/api/users', { username: 'nhanvien.lan', password, fullName: 'Trần Thị Lan', departmentId: department.id, role: 'staff' });
  await api(admin, 'POST', '/api/products', { code: 'MLN-01', name: 'Máy lọc nước RO', price: 4_500_000, unit: 'Cái' });
  await api(admin, 'POST', '/api/products', { code: 'LOC-05', name: 'Lõi lọc thay thế', price: 350_000, unit: 'Bộ' });
  const token = await login('nhanvien.lan', password);
  const customer = await api<Customer>(token, 'POST', '/api/customers', { name: customerName });
  const other = await api<Customer>(token, 'POST', '/api/customers', { name: 'Cửa hàng Bình An' });
  const base = { ownerId: staff.id, expectedDate: '2026-12-31' };
  await api(token, 'POST', '/api/opportunities', { ...base, name: 'Bảo trì định kỳ', customerId: other.id, stage: 'negotiation', expectedRevenue: 25_000_000 });
  await api(token, 'POST', '/api/opportunities', { ...base, name: 'Khảo sát ban đầu', customerId: other.id, stage: 'initial' });
  return { token, customerId: customer.id };
});

const api = <T>(method: string, path: string, body?: unknown) => app.api<T>(app.data.token, method, path, body);

/** The grid row (pinned checkbox cell and scrolling cells share one row element) showing `text` in a cell. */
const gridRow = (page: Page, text: string) => page.getByRole('row').filter({ has: page.getByRole('gridcell', { name: text, exact: true }) });
const gridNames = async (page: Page) => (await page.locator('.ag-row [role="gridcell"][col-id="name"]').allTextContents()).sort();

async function pickOption(page: Page, combobox: ReturnType<Page['getByRole']>, typed: string, option: string) {
  await combobox.click();
  await combobox.fill(typed);
  await page.getByRole('option', { name: option }).click();
}

test('staff: create an opportunity with two products, search Theo dõi, mark it lost with a reason, see it on the chart', { timeout: 120_000 }, async () => {
  const { page, pageErrors } = await app.newPage({ viewport: { width: 1600, height: 900 }, timeout: 30_000 });
  await page.goto(app.server.url);
  await signInThroughUi(page, 'nhanvien.lan', password);
  await page.getByRole('link', { name: 'Cơ hội' }).click();
  await expect.poll(() => page.getByText('Tổng số: 2 cơ hội').count()).toBe(1);

  // Create: the required fields are named one by one, then two product lines priced from the catalogue.
  await page.getByRole('button', { name: 'Thêm', exact: true }).click();
  const form = page.getByRole('dialog', { name: 'Thêm cơ hội' });
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect.poll(() => form.getByRole('alert').allTextContents()).toEqual(['Vui lòng nhập Tên cơ hội.']);
  await form.getByLabel('Tên cơ hội').fill(newName);
  await form.getByLabel('Ngày kỳ vọng').fill('15/12/2026');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect.poll(() => form.getByRole('alert').allTextContents()).toEqual(['Vui lòng nhập Khách hàng.']);
  await pickOption(page, form.getByLabel('Khách hàng'), 'minh khang', customerName);
  await form.getByLabel('Giai đoạn').selectOption({ label: 'Quan tâm' });
  await form.getByLabel('Xác suất %').fill('40');
  await form.getByLabel('Doanh thu kỳ vọng').fill('12.000.000');
  await form.getByRole('button', { name: 'Thêm hàng hóa' }).click();
  await pickOption(page, form.getByRole('combobox', { name: 'Hàng hóa 1' }), 'MLN', 'MLN-01 — Máy lọc nước RO');
  await expect.poll(() => form.getByLabel('Đơn giá 1').inputValue()).toBe('4.500.000');
  await form.getByLabel('Số lượng 1').fill('2');
  await form.getByRole('button', { name: 'Thêm hàng hóa' }).click();
  await pickOption(page, form.getByRole('combobox', { name: 'Hàng hóa 2' }), 'loi loc', 'LOC-05 — Lõi lọc thay thế');
  await form.getByLabel('Số lượng 2').fill('4');
  await expect.poll(() => form.getByTestId('lines-total').textContent()).toBe('10.400.000 ₫');
  await page.screenshot({ path: `${shots}/opportunity-form.png` });
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect.poll(() => form.count()).toBe(0);
  await expect.poll(() => page.getByText('Tổng số: 3 cơ hội').count()).toBe(1);

  const created = (await api<{ rows: Opportunity[] }>('GET', `/api/opportunities?name=${encodeURIComponent(newName)}`)).rows[0];
  expect(created.number).toMatch(/^CH\d{6}$/);
  const detail = await api<OpportunityDetail>('GET', `/api/opportunities/${created.id}`);
  expect(detail).toMatchObject({ customerId: app.data.customerId, stage: 'interested', probability: 40, expectedRevenue: 12_000_000, expectedDate: '2026-12-15', total: 10_400_000 });
  expect(detail.products.map((line) => [line.productCode, line.quantity, line.price, line.amount])).toEqual([
    ['MLN-01', 2, 4_500_000, 9_000_000],
    ['LOC-05', 4, 350_000, 1_400_000],
  ]);
  const row = gridRow(page, created.number);
  await expect.poll(() => row.getByRole('gridcell').allTextContents()).toEqual(
    expect.arrayContaining([created.number, newName, customerName, 'Trần Thị Lan', 'Quan tâm', '40%', '12.000.000 ₫', '15/12/2026']),
  );

  // S2: Theo dõi = interested + negotiation + pending approval; the initial one drops out.
  const search = page.getByRole('search', { name: 'Tìm kiếm cơ hội' });
  await search.getByLabel('Giai đoạn').selectOption({ label: 'Theo dõi' });
  await search.getByRole('button', { name: 'Tìm kiếm' }).click();
  await expect.poll(() => page.getByText('Tổng số: 2 cơ hội').count()).toBe(1);
  await expect.poll(() => gridNames(page)).toEqual(['Bảo trì định kỳ', newName].sort());
  // A period fills the expected range as dd/MM/yyyy; a range typed wrong is refused at its input.
  const expected = search.getByRole('group', { name: 'Ngày kỳ vọng' });
  await expected.getByLabel('Kỳ').selectOption({ label: 'Năm nay' });
  const year = periodRange('thisYear');
  expect(await expected.getByLabel('Từ ngày').inputValue()).toBe(formatDate(year.from));
  expect(await expected.getByLabel('Đến ngày').inputValue()).toBe(formatDate(year.to));
  await expected.getByLabel('Đến ngày').fill('31/02/2026');
  await search.getByRole('button', { name: 'Tìm kiếm' }).click();
  await expect.poll(() => search.getByRole('alert').textContent()).toContain('Ngày kỳ vọng');
  await expected.getByLabel('Kỳ').selectOption({ label: 'Tùy chọn' });
  expect(await expected.getByLabel('Từ ngày').inputValue()).toBe(formatDate(year.from));
  await expected.getByLabel('Đến ngày').fill('');
  await expected.getByLabel('Từ ngày').fill('');
  await page.screenshot({ path: `${shots}/opportunities-grid.png` });

  // Mark the new one lost: the reason is required, then picked from the managed list.
  await row.getByRole('gridcell', { name: created.number, exact: true }).dblclick();
  const edit = page.getByRole('dialog', { name: `Sửa cơ hội ${created.number}` });
  await expect.poll(() => edit.getByLabel('Tên cơ hội').inputValue()).toBe(newName);
  await edit.getByLabel('Giai đoạn').selectOption({ label: 'Thất bại' });
  await edit.getByRole('button', { name: 'Lưu' }).click();
  await expect.poll(() => edit.getByRole('alert').allTextContents()).toEqual(['Cơ hội thất bại cần chọn lý do thất bại.']);
  await edit.getByLabel('Lý do thất bại').selectOption({ label: 'Giá cao' });
  await edit.getByRole('button', { name: 'Lưu' }).click();
  await expect.poll(() => edit.count()).toBe(0);
  const lost = await api<OpportunityDetail>('GET', `/api/opportunities/${created.id}`);
  expect(lost).toMatchObject({ stage: 'lost', lostReason: 'Giá cao' });
  expect(lost.products).toHaveLength(2);

  // Báo cáo: this month's donut and table count it under Giá cao; the slice opens it in the grid.
  await page.getByRole('link', { name: 'Báo cáo' }).click();
  const table = page.locator('.report-comparison');
  const month = periodRange('thisMonth');
  const reasonRow = table.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Giá cao', exact: true }) });
  await expect.poll(() => reasonRow.getByRole('cell').allTextContents()).toEqual(['Giá cao', '1', '100%', '0', '0%']);
  const chart = page.getByRole('img', { name: `Biểu đồ cơ hội thất bại theo lý do, ${formatDate(month.from)} – ${formatDate(month.to)}` });
  await expect.poll(() => chart.locator('canvas').count()).toBeGreaterThan(0);
  await expect.poll(() => page.getByRole('img', { name: 'Biểu đồ doanh thu kỳ vọng theo giai đoạn' }).locator('canvas').count()).toBeGreaterThan(0);
  await page.waitForTimeout(1500); // the donut's opening animation
  await page.screenshot({ path: `${shots}/reports.png`, fullPage: true });
  // The only slice is the whole ring around the donut's centre (left of the legend): walk left from
  // the canvas' middle until a click lands on it and opens the grid.
  const canvas = await chart.locator('canvas').first().boundingBox();
  if (!canvas) throw new Error('no chart canvas');
  const y = canvas.y + canvas.height * 0.55;
  for (let x = canvas.x + canvas.width * 0.5; x > canvas.x && !page.url().includes('#/opportunities'); x -= 6) {
    await page.mouse.click(x, y);
    await page.waitForTimeout(100);
  }
  await expect.poll(() => page.getByText(`Thất bại · Giá cao · ${formatDate(month.from)} – ${formatDate(month.to)}`).count()).toBe(1);
  await expect.poll(() => page.getByText('Tổng số: 1 cơ hội').count()).toBe(1);
  await expect.poll(() => gridNames(page)).toEqual([newName]);
  await page.screenshot({ path: `${shots}/opportunities-lost-slice.png` });

  expect(pageErrors).toEqual([]);
});

test('Tra cứu hàng hóa finds product lines, Mặc định clears it; a stale edit offers Tải lại; Xóa goes to the recycle bin; Thiết lập › Lý do thất bại adds a reason', { timeout: 60_000 }, async () => {
  const { page, pageErrors } = await app.newPage({ viewport: { width: 1600, height: 900 } });
  await page.goto(app.server.url);
  await signInThroughUi(page, 'admin', app.server.adminPassword);
  await page.getByRole('link', { name: 'Cơ hội' }).click();
  await page.getByRole('button', { name: 'Tra cứu hàng hóa' }).click();
  const lookup = page.getByRole('dialog', { name: 'Tra cứu hàng hóa' });
  await lookup.getByLabel('Tên hàng hóa').fill('loi loc');
  await lookup.getByRole('button', { name: 'Tìm kiếm' }).click();
  await expect.poll(() => lookup.getByRole('status').textContent()).toBe('Tìm thấy 1 dòng hàng hóa.');
  const line = lookup.getByRole('row').filter({ has: page.getByRole('cell', { name: 'LOC-05', exact: true }) });
  expect(await line.getByRole('cell').allTextContents()).toEqual(
    expect.arrayContaining([newName, customerName, 'Lõi lọc thay thế', '4', '350.000 ₫', '1.400.000 ₫', '15/12/2026']),
  );
  await page.screenshot({ path: `${shots}/product-lookup.png` });
  await lookup.getByRole('button', { name: 'Mặc định' }).click();
  expect(await lookup.getByLabel('Tên hàng hóa').inputValue()).toBe('');
  await lookup.getByRole('button', { name: 'Bỏ qua' }).click();
  await expect.poll(() => lookup.count()).toBe(0);

  // A stale save is refused with a clear message; Tải lại shows the current version.
  const initial = (await api<{ rows: Opportunity[] }>('GET', `/api/opportunities?name=${encodeURIComponent('Khảo sát ban đầu')}`)).rows[0];
  await gridRow(page, initial.number).getByRole('gridcell', { name: initial.number, exact: true }).dblclick();
  const edit = page.getByRole('dialog', { name: `Sửa cơ hội ${initial.number}` });
  await expect.poll(() => edit.getByLabel('Tên cơ hội').inputValue()).toBe('Khảo sát ban đầu');
  await api('PATCH', `/api/opportunities/${initial.id}`, { version: initial.version, name: 'Khảo sát hiện trạng' });
  await edit.getByLabel('Xác suất %').fill('10');
  await edit.getByRole('button', { name: 'Lưu' }).click();
  // The 409 names who made the current version (here the staff member, through the API) and when.
  await expect.poll(() => edit.getByRole('alert').textContent()).toContain('Trần Thị Lan vừa thay đổi cơ hội này (lúc ');
  await page.screenshot({ path: `${shots}/opportunity-conflict.png` });
  await edit.getByRole('button', { name: 'Tải lại' }).click();
  await expect.poll(() => edit.getByLabel('Tên cơ hội').inputValue()).toBe('Khảo sát hiện trạng');
  await edit.getByRole('button', { name: 'Hủy' }).click();

  // Xóa asks first and says where the opportunity goes.
  await gridRow(page, initial.number).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Xóa', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: 'Xóa cơ hội' });
  expect(await confirm.textContent()).toContain('chuyển vào thùng rác và có thể khôi phục');
  await confirm.getByRole('button', { name: 'Xóa' }).click();
  await expect.poll(() => gridRow(page, initial.number).count()).toBe(0);
  const bin = await api<{ rows: { id: number; deletedAt: string }[] }>('GET', '/api/recycle-bin/opportunities');
  expect(bin.rows.map((row) => row.id)).toContain(initial.id);

  // Thùng rác (the one recycle-bin screen, with the opportunities' columns) lists it; Khôi phục brings it back.
  await page.getByRole('button', { name: 'Thùng rác', exact: true }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Thùng rác cơ hội' }).count()).toBe(1);
  expect(await page.getByRole('tab', { name: 'Khách hàng' }).count()).toBe(1);
  const binRow = page.getByRole('row').filter({ has: page.getByRole('cell', { name: initial.number, exact: true }) });
  const deletedOn = formatDate(bin.rows.find((row) => row.id === initial.id)!.deletedAt);
  expect(deletedOn).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  await expect.poll(() => binRow.getByRole('cell').allTextContents()).toEqual(expect.arrayContaining(['Khảo sát hiện trạng', 'Cửa hàng Bình An', 'Mở đầu', deletedOn]));
  expect(await page.getByText('Tổng số: 1 cơ hội trong thùng rác').count()).toBe(1);
  await page.screenshot({ path: `${shots}/opportunity-recycle-bin.png` });
  await binRow.getByRole('button', { name: 'Khôi phục' }).click();
  await expect.poll(() => page.getByText('Đã khôi phục cơ hội “Khảo sát hiện trạng”.').count()).toBe(1);
  await expect.poll(() => binRow.count()).toBe(0);
  expect(await page.getByText('Thùng rác trống.').count()).toBe(1);
  await page.getByRole('button', { name: 'Quay lại danh sách cơ hội' }).click();
  await expect.poll(() => gridRow(page, initial.number).count()).toBe(1);
  expect((await api<{ rows: unknown[] }>('GET', '/api/recycle-bin/opportunities')).rows).toEqual([]);

  await page.getByRole('link', { name: 'Thiết lập' }).click();
  await page.getByRole('tab', { name: 'Lý do thất bại' }).click();
  const section = page.getByRole('region', { name: 'Lý do thất bại' });
  await expect.poll(() => section.getByRole('row').filter({ hasText: 'Giá cao' }).getByRole('cell').allTextContents()).toEqual(expect.arrayContaining(['Giá cao', '1']));
  await section.getByRole('button', { name: 'Thêm lý do' }).click();
  const add = page.getByRole('dialog', { name: 'Thêm lý do thất bại' });
  await add.getByLabel('Lý do thất bại').fill('Chậm tiến độ');
  await add.getByRole('button', { name: 'Lưu' }).click();
  await expect.poll(() => section.getByRole('cell', { name: 'Chậm tiến độ', exact: true }).count()).toBe(1);
  await page.screenshot({ path: `${shots}/lost-reasons-settings.png` });
  const reasons = await api<{ name: string }[]>('GET', '/api/lost-reasons');
  expect(reasons.map((reason) => reason.name)).toContain('Chậm tiến độ');
  expect(pageErrors).toEqual([]);
});

test('Xuất khẩu on the Cơ hội grid downloads co-hoi-<day>.xlsx with the grid’s columns and its rows', { timeout: 60_000 }, async () => {
  const { page, pageErrors } = await app.newPage({ viewport: { width: 1600, height: 900 } });
  await page.goto(app.server.url);
  await signInThroughUi(page, 'nhanvien.lan', password);
  await page.getByRole('link', { name: 'Cơ hội' }).click();
  const listed = (await api<{ rows: Opportunity[]; total: number }>('GET', '/api/opportunities')).rows;
  await expect.poll(() => page.getByText(`Tổng số: ${listed.length} cơ hội`).count()).toBe(1);

  await page.getByRole('button', { name: 'Xuất khẩu', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Xuất khẩu ra Excel' });
  await expect.poll(() => dialog.getByText(`Tất cả kết quả đang lọc (${listed.length})`).count()).toBe(1);
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Xuất khẩu', exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^co-hoi-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(await file.path())) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  // The grid's visible columns in its order (Ngày tạo is hidden until picked in Chọn cột).
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
    'Số cơ hội', 'Tên cơ hội', 'Khách hàng', 'Người phụ trách', 'Giai đoạn', 'Trạng thái', 'Xác suất', 'Doanh thu kỳ vọng', 'Ngày kỳ vọng', 'Ngày bắt đầu', 'Lý do thất bại',
  ]);
  // The grid's rows in its order (newest first), stages in Vietnamese, money as numbers, dates as dates.
  const rows: unknown[][] = [];
  sheet.eachRow((row, number) => number > 1 && rows.push((row.values as unknown[]).slice(1, 6)));
  expect(rows).toEqual(listed.map((row) => [row.number, row.name, row.customerName, 'Trần Thị Lan', expect.any(String)]));
  const maintenance = sheet.getRow(2 + listed.findIndex((row) => row.name === 'Bảo trì định kỳ'));
  expect(maintenance.getCell(5).value).toBe('Đàm phán');
  expect(maintenance.getCell(8).value).toBe(25_000_000);
  expect(maintenance.getCell(8).numFmt).toBe('#,##0 "₫"');
  expect((maintenance.getCell(9).value as Date).toISOString()).toBe('2026-12-31T00:00:00.000Z');
  await expect.poll(() => page.getByText(/Đã xuất \d+ dòng vào co-hoi-/).count()).toBe(1);
  expect(pageErrors).toEqual([]);
});
