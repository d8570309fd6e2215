import type { Customer } from '../../../shared/schemas/customers';
import type { TransferResult } from '../../../shared/schemas/ownership';
import { customersApi } from '../../api/customersApi';
import type { Translate } from '../../i18n/translate';
import type { XlsxSheet } from '../common/downloadXlsx';
import type { BulkRequest } from './bulkRequest';

const pageSize = 1000;

/**
 * The customers a batch moved that the grid did not have at hand, read as the batch's list
 * (`batchId` filter) a thousand a page: a handful of requests, not one per customer.
 */
async function batchCustomers(batchId: number, total: number): Promise<Customer[]> {
  const rows: Customer[] = [];
  for (let offset = 0; offset < total; offset += pageSize) {
    const page = await customersApi.list({ batchId, offset, limit: pageSize });
    rows.push(...page.rows);
    if (page.rows.length < pageSize) break;
  }
  return rows;
}

/**
 * "Tải báo cáo": one row per moved customer, in transfer order: code, name, old owner (as the
 * grid showed it before the transfer; for customers it had not loaded, the previous owner the
 * transfer recorded on the customer), new owner.
 */
export async function transferReportSheet(request: BulkRequest, result: TransferResult, t: Translate): Promise<XlsxSheet> {
  const before = new Map(request.knownRows.map((row) => [row.id, row]));
  const missing = result.assignments.some((assignment) => !before.has(assignment.customerId));
  const fetched = missing ? new Map((await batchCustomers(result.batchId, result.total)).map((row) => [row.id, row])) : new Map<number, Customer>();
  const recipientNames = new Map(result.recipients.map((recipient) => [recipient.userId, recipient.fullName]));
  return {
    name: t('transfer.report.sheet'),
    columns: [
      { header: t('field.code'), width: 16 },
      { header: t('field.name'), width: 42 },
      { header: t('transfer.report.oldOwner'), width: 28 },
      { header: t('transfer.report.newOwner'), width: 28 },
    ],
    rows: result.assignments.map(({ customerId, ownerId }) => {
      const customer = before.get(customerId) ?? fetched.get(customerId);
      const oldOwner = before.get(customerId)?.ownerName ?? fetched.get(customerId)?.previousOwnerName ?? '';
      return [customer?.code ?? '', customer?.name ?? '', oldOwner, recipientNames.get(ownerId) ?? ''];
    }),
  };
}
