import type { Locator, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import type { Customer } from '../../shared/schemas/customers';
import { screenshotDir, signInThroughUi } from '../support/browser';
import { useBrowserApp } from '../support/browserApp';

const password = 'Staff-Pass-123';
const transferred = ['Công ty Ánh Dương', 'Công ty Bảo Minh', 'Công ty Cát Tường', 'Công ty Đông Á'];
const sharedName = 'Công ty Hòa Bình';
const clicked = ['Công ty Kim Long', 'Công ty Lam Sơn'];

const app = useBrowserApp(async ({ server, login, api }) => {
  const admin = await login('admin', server.adminPassword);
  const sales = await api<{ id: number }>(admin, 'POST', '/api/departments', { name: 'Kinh doanh' });
  const south = await api<{ id: number }>(admin, 'POST', '/api/departments', { name: 'Kinh doanh miền Nam', parentId: sales.id });
  const user = (username: string, fullName: string, departmentId: number, role: 'manager' | 'staff') =>
    api<{ id: number }>(admin, 'POST', '/api/users', { username, password, fullName, departmentId, role });
  const manager = await user('quanly', 'Trần Quản Lý', sales.id, 'manager');
  await user('nhanvien.an', 'Nguyễn Văn An', sales.id, 'staff');
  await user('nhanvien.binh', 'Phạm Thị Bình', sales.id, 'staff');
  await user('nhanvien.cuong', 'Đỗ Văn Cường', south.id, 'staff');
  const an = await login('nhanvien.an', password);
  const ids = new Map<string, number>();
  for (const name of [...transferred, sharedName, ...clicked]) ids.set(name, (await api<Customer>(an, 'POST', '/api/customers', { name })).id);
  return { managerId: manager.id, ids };
});

/** The grid row showing a customer name (its checkbox and its cells). */
const gridRow = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('gridcell', { name, exact: true }) });
/**
 * The owners the grid shows. AG Grid renders only the columns in view: find each row's index by
 * its name, scroll to the owner column, read that row's owner cell.
 */
async function ownersOf(page: Page, names: string[]) {
  const horizontal = page.locator('.ag-body-horizontal-scroll-viewport');
  await horizontal.evaluate((viewport) => (viewport.scrollLeft = 0));
  const rowIndexes = await Promise.all(names.map((name) => gridRow(page, name).first().getAttribute('row-index', { timeout: 2000 })));
  await horizontal.evaluate((viewport) => (viewport.scrollLeft = 1300));
  const owners = await Promise.all(rowIndexes.map((index) => page.locator(`.ag-row[row-index="${index}"] [col-id="ownerName"]`).textContent({ timeout: 2000 })));
  await horizontal.evaluate((viewport) => (viewport.scrollLeft = 0));
  return owners.map((owner) => owner?.trim());
}

async function signInAsManager() {
  const { page, pageErrors } = await app.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(app.server.url);
  await signInThroughUi(page, 'quanly', password);
  await expect.poll(() => gridRow(page, sharedName).count()).toBe(1);
  return { page, pageErrors };
}

/**
 * Opens a customer's detail by double-clicking its row. A double click on a row the grid is
 * replacing (a reload after a filter chip goes, or while the first blocks arrive on a loaded
 * machine) is lost, so it is tried again until the detail shows.
 */
async function openDetail(page: Page, name: string) {
  const detail = page.getByRole('complementary', { name });
  await expect.poll(async () => {
    if ((await detail.count()) === 0) await gridRow(page, name).getByRole('gridcell', { name, exact: true }).dblclick();
    return detail.count();
  }, { timeout: 20_000 }).toBe(1);
  return detail;
}

async function selectRows(page: Page, names: string[]) {
  for (const name of names) await gridRow(page, name).getByRole('checkbox').check();
  await expect.poll(() => page.getByText(`Đã chọn ${names.length} khách hàng.`).count()).toBe(1);
}

/** Ticks users (by name, in the user list) and departments (in the tree), then Copy. */
async function copyRecipients(dialog: Locator, users: string[], departments: string[] = []) {
  for (const name of users) await dialog.getByRole('list', { name: 'Người dùng' }).getByRole('checkbox', { name: new RegExp(`^${name}`) }).check();
  for (const name of departments) await dialog.getByRole('checkbox', { name: `Chọn cả phòng ban ${name}` }).check();
  await dialog.getByRole('button', { name: `Copy (${users.length + departments.length}) →` }).click();
}

const batchCount = async () => Number((await app.server.db('transfer_batches').count<{ n: number }[]>('* as n'))[0].n);

test('a manager transfers selected rows to a user and a department, split evenly, with a preview; then undoes it', { timeout: 90_000 }, async () => {
  const { page, pageErrors } = await signInAsManager();
  expect(await ownersOf(page, transferred)).toEqual(transferred.map(() => 'Nguyễn Văn An'));
  await selectRows(page, transferred);
  await page.getByRole('button', { name: 'Chuyển chủ sở hữu' }).click();
  const dialog = page.getByRole('dialog', { name: 'Chuyển chủ sở hữu' });
  await expect.poll(() => dialog.getByText('Chuyển 4 khách hàng đã chọn cho người nhận.').count()).toBe(1);
  for (const label of ['Chia đều số lượng khách hàng', 'Chuyển giao dịch chưa thực hiện, đang thực hiện', 'Chia sẻ giao dịch cũ', 'Chia sẻ hợp đồng bán cũ', 'Chia sẻ báo giá cũ', 'Chia sẻ cơ hội cũ', 'Chia sẻ đơn hàng cũ']) {
    expect(await dialog.getByRole('checkbox', { name: label, exact: true }).count(), label).toBe(1);
  }

  await copyRecipients(dialog, ['Phạm Thị Bình'], ['Kinh doanh miền Nam']);
  const recipients = dialog.getByRole('list', { name: 'Người nhận (theo thứ tự chia)' }).getByRole('listitem');
  expect(await recipients.allTextContents()).toEqual(['1.Phạm Thị Bình · Kinh doanh↑↓✕', '2.Phòng banKinh doanh miền Nam↑↓✕']);

  // Two recipients without "split evenly": the error shows at that option, nothing is sent.
  await dialog.getByRole('button', { name: 'Xem trước' }).click();
  const splitError = dialog.getByRole('alert').filter({ hasText: 'Có nhiều người nhận: hãy chọn “Chia đều số lượng khách hàng”.' });
  await expect.poll(() => splitError.count()).toBe(1);
  await dialog.getByRole('checkbox', { name: 'Chia đều số lượng khách hàng' }).check();
  await dialog.getByRole('checkbox', { name: 'Chia sẻ giao dịch cũ' }).check();
  await dialog.getByRole('button', { name: 'Xem trước' }).click();
  const preview = dialog.getByRole('region', { name: 'Xem trước' });
  await expect.poll(() => preview.getByText('Xem trước: 4 khách hàng sẽ được chuyển').count()).toBe(1);
  const previewRow = (name: string) => preview.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) }).getByRole('cell');
  expect((await previewRow('Phạm Thị Bình').allTextContents()).slice(0, 2)).toEqual(['Phạm Thị Bình', '2']);
  expect((await previewRow('Đỗ Văn Cường').allTextContents()).slice(0, 2)).toEqual(['Đỗ Văn Cường', '2']);
  expect(await preview.getByText('Giao dịch cũ được chia sẻ: 0').count()).toBe(1);
  expect(await batchCount()).toBe(0);
  await page.screenshot({ path: `${screenshotDir}/e2e-transfer-preview.png` });

  await dialog.getByRole('button', { name: 'Cập nhật' }).click();
  const result = page.getByRole('dialog', { name: /^Kết quả chuyển chủ sở hữu \(lô #\d+\)$/ });
  await expect.poll(() => result.getByText('Đã chuyển 4 khách hàng.').count()).toBe(1);
  await expect.poll(() => page.getByText('Đã chuyển chủ sở hữu 4 khách hàng.').count()).toBe(1);
  await page.screenshot({ path: `${screenshotDir}/e2e-transfer-result.png` });
  // The grid behind shows the new owners.
  await expect.poll(async () => (await ownersOf(page, transferred)).sort()).toEqual(['Phạm Thị Bình', 'Phạm Thị Bình', 'Đỗ Văn Cường', 'Đỗ Văn Cường'].sort());

  await result.getByRole('button', { name: 'Hoàn tác' }).click();
  const confirm = page.getByRole('dialog', { name: /^Hoàn tác lô chuyển #\d+$/ });
  await confirm.getByRole('button', { name: 'Hoàn tác' }).click();
  const undone = page.getByRole('dialog', { name: /^Kết quả hoàn tác lô #\d+$/ });
  await expect.poll(() => undone.getByText('Đã trả 4 khách hàng về người phụ trách cũ.').count()).toBe(1);
  await page.screenshot({ path: `${screenshotDir}/e2e-transfer-undone.png` });
  await undone.getByRole('button', { name: 'Đóng' }).click();
  await expect.poll(() => result.getByText('Đã hoàn tác: 4 khách hàng về lại người phụ trách cũ.').count()).toBe(1);
  expect(await result.getByRole('button', { name: 'Hoàn tác' }).count()).toBe(0);
  await result.getByRole('button', { name: 'Đóng' }).click();
  await expect.poll(() => ownersOf(page, transferred)).toEqual(transferred.map(() => 'Nguyễn Văn An'));
  expect(pageErrors).toEqual([]);
  await page.close();
});

test('a double click on Cập nhật makes one batch; the history offers Hoàn tác; ?batch=ID lists the batch', { timeout: 90_000 }, async () => {
  const { page, pageErrors } = await signInAsManager();
  const before = await batchCount();
  await selectRows(page, clicked);
  await page.getByRole('button', { name: 'Chuyển chủ sở hữu' }).click();
  const dialog = page.getByRole('dialog', { name: 'Chuyển chủ sở hữu' });
  await dialog.getByRole('searchbox', { name: 'Tìm người dùng' }).fill('bình');
  await expect.poll(() => dialog.getByRole('list', { name: 'Người dùng' }).getByRole('listitem').count()).toBe(1);
  await copyRecipients(dialog, ['Phạm Thị Bình']);
  await dialog.getByRole('button', { name: 'Cập nhật' }).dblclick();
  const result = page.getByRole('dialog', { name: /^Kết quả chuyển chủ sở hữu/ });
  await expect.poll(() => result.getByText('Đã chuyển 2 khách hàng.').count()).toBe(1);
  await expect.poll(() => ownersOf(page, clicked)).toEqual(['Phạm Thị Bình', 'Phạm Thị Bình']);
  expect(await batchCount()).toBe(before + 1);
  const [batch] = await app.server.db('transfer_batches').orderBy('id', 'desc').limit(1).select('id', 'customer_count');
  expect(batch.customer_count).toBe(2);
  await result.getByRole('button', { name: 'Đóng' }).click();

  // The notification link's filter: only the batch's customers, under a removable chip.
  await page.evaluate((id) => (window.location.hash = `#/customers?batch=${id}`), batch.id);
  const chip = page.getByRole('button', { name: `Bỏ lọc lô chuyển #${batch.id}` });
  await expect.poll(() => chip.count()).toBe(1);
  expect(await page.getByText(`Lô chuyển #${batch.id}`).count()).toBe(1);
  await expect.poll(() => page.getByText('Tổng số: 2 khách hàng', { exact: false }).count()).toBe(1);
  expect(await gridRow(page, sharedName).count()).toBe(0);
  await page.screenshot({ path: `${screenshotDir}/e2e-transfer-batch-filter.png` });
  await chip.click();
  await expect.poll(() => gridRow(page, sharedName).count()).toBe(1);

  // Undo from the customer's ownership history.
  // The grid reloads after the chip goes.
  const detail = await openDetail(page, clicked[0]);
  await detail.getByRole('tab', { name: 'Lịch sử phụ trách' }).click();
  const transferRow = detail.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Chuyển chủ sở hữu', exact: true }) });
  await expect.poll(() => transferRow.getByRole('button', { name: 'Hoàn tác' }).count()).toBe(1);
  await page.screenshot({ path: `${screenshotDir}/e2e-history-undo.png` });
  await transferRow.getByRole('button', { name: 'Hoàn tác' }).click();
  await page.getByRole('dialog', { name: `Hoàn tác lô chuyển #${batch.id}` }).getByRole('button', { name: 'Hoàn tác' }).click();
  const undone = page.getByRole('dialog', { name: `Kết quả hoàn tác lô #${batch.id}` });
  await expect.poll(() => undone.getByText('Đã trả 2 khách hàng về người phụ trách cũ.').count()).toBe(1);
  await undone.getByRole('button', { name: 'Đóng' }).click();
  await expect.poll(() => detail.getByRole('cell', { name: 'Hoàn tác chuyển chủ sở hữu', exact: true }).count()).toBe(1);
  expect(await detail.getByRole('button', { name: 'Hoàn tác' }).count()).toBe(0);
  await expect.poll(() => ownersOf(page, clicked)).toEqual(['Nguyễn Văn An', 'Nguyễn Văn An']);
  expect(pageErrors).toEqual([]);
  await page.close();
});

test('share a customer from its detail with a user and a department, Liên hệ + Giao dịch; the Chia sẻ tab lists the user, the department, the types and why', { timeout: 60_000 }, async () => {
  const { page, pageErrors } = await signInAsManager();
  const detail = await openDetail(page, sharedName);
  await detail.getByRole('button', { name: 'Chia sẻ', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Chia sẻ khách hàng' });
  await expect.poll(() => dialog.getByText('Chia sẻ 1 khách hàng đã chọn (chỉ xem, không sửa).').count()).toBe(1);
  await copyRecipients(dialog, ['Phạm Thị Bình'], ['Kinh doanh miền Nam']);
  const types = dialog.getByRole('group', { name: 'Thông tin được xem' });
  expect(await types.getByRole('checkbox').evaluateAll((boxes) => boxes.map((box) => box.parentElement?.textContent))).toEqual(
    ['Thông tin chung', 'Liên hệ', 'Giao dịch', 'Cơ hội', 'Báo giá', 'Hợp đồng', 'Đơn hàng'],
  );
  await types.getByLabel('Thông tin chung').uncheck();
  await types.getByLabel('Liên hệ').check();
  await types.getByLabel('Giao dịch').check();
  for (const mode of ['Thêm chia sẻ', 'Chuyển chia sẻ', 'Bỏ chia sẻ']) expect(await dialog.getByRole('radio', { name: new RegExp(`^${mode} — `) }).count(), mode).toBe(1);
  await page.screenshot({ path: `${screenshotDir}/e2e-share-dialog.png` });
  await dialog.getByRole('button', { name: 'Thực hiện' }).click();
  await expect.poll(() => page.getByText('Đã chia sẻ 1 khách hàng với 2 người dùng.').count()).toBe(1);
  expect(await dialog.count()).toBe(0);

  await detail.getByRole('tab', { name: 'Chia sẻ' }).click();
  const row = detail.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Phạm Thị Bình', exact: true }) });
  await expect.poll(() => row.count()).toBe(1);
  const cells = await row.getByRole('cell').allTextContents();
  expect(cells.slice(0, 3)).toEqual(['Phạm Thị Bình', 'Liên hệ, Giao dịch', 'Chia sẻ bởi Trần Quản Lý']);
  expect(cells[3]).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  // Cường, the department's one user, is listed as seeing the customer through it.
  const department = detail.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Đỗ Văn Cường (qua phòng ban Kinh doanh miền Nam)', exact: true }) });
  expect((await department.getByRole('cell').allTextContents()).slice(1, 3)).toEqual(['Liên hệ, Giao dịch', 'Chia sẻ bởi Trần Quản Lý']);
  await page.screenshot({ path: `${screenshotDir}/e2e-detail-shares-tab.png` });
  expect(pageErrors).toEqual([]);
  await page.close();
});
