import { todayInVietnam } from '../../../shared/format';
import type { Customer } from '../../../shared/schemas/customers';
import type { GridColumn } from '../../grid/editing/cellEdit';
import type { Translate } from '../../i18n/translate';
import { customerColumns } from '../customers/customerColumns';

/** What everyone may read of a pool customer (basic info), as the customer grid shows it. */
const basicColumns = ['code', 'name', 'typeName'];

/** Whole calendar days (Asia/Ho_Chi_Minh) from the day of `at` to today. */
function daysSince(at: string, now = new Date()): number {
  const day = (date: Date) => Date.parse(`${todayInVietnam(date)}T00:00:00Z`);
  return Math.round((day(now) - day(new Date(at))) / 86_400_000);
}

/**
 * The pool grid's columns: the customer grid's basic-info columns (never editable here: pool rows
 * are not the user's), whom the pool took each customer from, and for how long it has been there.
 */
export function poolColumns(t: Translate): GridColumn<Customer>[] {
  const all = customerColumns(t, { types: [], groups: [], careStatuses: [] }, false);
  return [
    ...basicColumns.flatMap((colId) => all.filter((column) => column.colId === colId)),
    { colId: 'previousOwnerName', field: 'previousOwnerName', headerName: t('pool.previousOwner'), width: 190 },
    {
      colId: 'poolEnteredAt', field: 'poolEnteredAt', headerName: t('pool.daysInPool'), width: 180, type: 'rightAligned',
      valueFormatter: ({ value }) => {
        if (typeof value !== 'string') return '';
        const days = daysSince(value);
        return days === 0 ? t('pool.enteredToday') : t('pool.days', { count: days });
      },
    },
  ];
}
