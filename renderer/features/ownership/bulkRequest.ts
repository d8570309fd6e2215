import type { GridApi } from 'ag-grid-community';
import type { Customer } from '../../../shared/schemas/customers';
import { customerSortFields } from '../../../shared/schemas/enums';
import { loadedNodes } from '../../grid/loadedNodes';
import { sortParam } from '../../grid/sortParam';
import { selectionCount, selectionTarget, type CustomerSelection, type SelectionTarget } from '../customers/customerSelection';

/**
 * What a transfer or share acts on, fixed when its dialog opens: the ids or the filter, the
 * grid's sort (a filter is split in that order), how many, and the rows already at hand (names
 * and old owners for the report, without asking the server again).
 */
export type BulkRequest = { target: SelectionTarget; sort?: string; count: number; knownRows: Customer[] };

/** The grid selection as a bulk request; in "all matching" mode the loaded, still-ticked rows are the known ones. */
export function bulkRequestOf(selection: CustomerSelection, api: GridApi<Customer> | null): BulkRequest {
  const count = selectionCount(selection);
  const target = selectionTarget(selection);
  if (selection.kind === 'rows') return { target, count, knownRows: selection.rows };
  const excluded = new Set(selection.excludeIds);
  const knownRows = api ? loadedNodes(api).flatMap((node) => (node.data && !excluded.has(node.data.id) ? [node.data] : [])) : [];
  const sorted = (api?.getColumnState() ?? [])
    .filter((column) => column.sort)
    .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
    .map((column) => ({ colId: column.colId, sort: column.sort as 'asc' | 'desc' }));
  return { target, sort: sortParam(sorted, customerSortFields), count, knownRows };
}

/** One customer (from its detail). */
export function singleCustomerRequest(customer: Customer): BulkRequest {
  return { target: { customerIds: [customer.id] }, count: 1, knownRows: [customer] };
}
