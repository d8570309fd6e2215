import type { Customer } from '../../../shared/schemas/customers';
import type { GridColumn } from '../../grid/editing/cellEdit';
import type { Translate } from '../../i18n/translate';
import { customerColumns } from '../customers/customerColumns';

/** What everyone may read of a pool customer (basic info), as the customer grid shows it. */
const basicColumns = ['code', 'name', 'typeName'];

/**
 * The pool grid's columns: the customer grid's basic-info columns (never editable here: pool rows
 * are not the user's) and whom the pool took each customer from.
 */
export function poolColumns(t: Translate): GridColumn<Customer>[] {
  const all = customerColumns(t, { types: [], groups: [], careStatuses: [] }, false);
  return [
    ...basicColumns.flatMap((colId) => all.filter((column) => column.colId === colId)),
    { colId: 'previousOwnerName', field: 'previousOwnerName', headerName: t('pool.previousOwner'), width: 190, sortable: false },
  ];
}
