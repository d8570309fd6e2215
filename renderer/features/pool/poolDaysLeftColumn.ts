import type { Customer } from '../../../shared/schemas/customers';
import type { GridColumn } from '../../grid/editing/cellEdit';
import type { Translate } from '../../i18n/translate';
import './pool.css';

/** Fewer days than this before a pool rule takes the customer: the cell turns red. */
const soonDays = 3;

/**
 * "Còn lại": days before an enabled pool rule would move the customer ("Đến hạn" at 0, empty when
 * no rule can take it). Hidden until the user picks it in Chọn cột: most customers are far from it.
 */
export function poolDaysLeftColumn(t: Translate): GridColumn<Customer> {
  return {
    colId: 'poolDaysLeft',
    field: 'poolDaysLeft',
    headerName: t('field.poolDaysLeft'),
    width: 110,
    type: 'rightAligned',
    hide: true,
    valueFormatter: ({ value }) => (typeof value !== 'number' ? '' : value === 0 ? t('pool.due') : t('pool.days', { count: value })),
    cellClassRules: { 'pool-days-left-soon': ({ value }) => typeof value === 'number' && value < soonDays },
  };
}
