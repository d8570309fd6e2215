import { describe, expect, it, vi } from 'vitest';
import type { Customer } from '../../../shared/schemas/customers';
import type { TransferResult } from '../../../shared/schemas/ownership';
import { customersApi } from '../../api/customersApi';
import { transferReportSheet } from './transferReportSheet';

const customer = (id: number, ownerName: string, previousOwnerName: string | null) =>
  ({ id, code: `KH${id}`, name: `Khách ${id}`, ownerName, previousOwnerName }) as unknown as Customer;

describe('the transfer report', () => {
  it('names the old owner of rows the grid had loaded and, for the others, the previous owner the transfer recorded', async () => {
    const list = vi.spyOn(customersApi, 'list').mockResolvedValue({ rows: [customer(1, 'Mới', 'Cũ A'), customer(2, 'Mới', 'Cũ B')], total: 2 });
    const result = {
      batchId: 7, total: 2, touches: {}, recipients: [{ userId: 9, fullName: 'Người Nhận', count: 2, firstCustomers: [] }],
      assignments: [{ customerId: 1, ownerId: 9 }, { customerId: 2, ownerId: 9 }],
    } as unknown as TransferResult;
    const sheet = await transferReportSheet({ target: { customerIds: [1, 2] }, count: 2, knownRows: [customer(1, 'Đã thấy', null)] } as never, result, (key) => key);
    expect(list).toHaveBeenCalledWith({ batchId: 7, offset: 0, limit: 1000 });
    expect(sheet.rows).toEqual([['KH1', 'Khách 1', 'Đã thấy', 'Người Nhận'], ['KH2', 'Khách 2', 'Cũ B', 'Người Nhận']]);
  });
});
