import type { BulkGroupsBody, Customer, CustomerFilter } from '../../../shared/schemas/customers';

/** Picked rows, or "every customer matching the filter" (minus the rows unticked since). */
export type CustomerSelection =
  | { kind: 'rows'; rows: Customer[] }
  | { kind: 'allMatching'; filter: CustomerFilter; total: number; excludeIds: number[] };

export type SelectionTarget = Pick<BulkGroupsBody, 'customerIds' | 'filter' | 'excludeIds'>;

export function selectionCount(selection: CustomerSelection): number {
  return selection.kind === 'rows' ? selection.rows.length : selection.total - selection.excludeIds.length;
}

/** What a bulk request sends: the ids, or the filter (never a million ids). */
export function selectionTarget(selection: CustomerSelection): SelectionTarget {
  if (selection.kind === 'rows') return { customerIds: selection.rows.map((row) => row.id) };
  return selection.excludeIds.length > 0 ? { filter: selection.filter, excludeIds: selection.excludeIds } : { filter: selection.filter };
}

