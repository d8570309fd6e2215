import type { CellClassParams, ValueFormatterParams } from 'ag-grid-community';
import { describe, expect, test } from 'vitest';
import type { Customer } from '../../../shared/schemas/customers';
import { translate } from '../../i18n/translate';
import type { MessageKey } from '../../i18n/vi';
import { poolDaysLeftColumn } from './poolDaysLeftColumn';

const column = poolDaysLeftColumn((key: MessageKey, params) => translate('vi', key, params));
const shown = (value: number | null) => {
  const format = column.valueFormatter;
  return typeof format === 'function' ? format({ value } as ValueFormatterParams<Customer>) : undefined;
};
const red = (value: number | null) => {
  const rule = column.cellClassRules?.['pool-days-left-soon'];
  return typeof rule === 'function' ? rule({ value } as CellClassParams<Customer>) : undefined;
};

describe('Còn lại', () => {
  test('days before a pool rule takes the customer; due at 0; empty when no rule can take it', () => {
    expect([shown(12), shown(1), shown(0), shown(null)]).toEqual(['12 ngày', '1 ngày', 'Đến hạn', '']);
  });

  test('red under 3 days', () => {
    expect([red(0), red(2), red(3), red(null)]).toEqual([true, true, false, false]);
  });

  test('hidden until picked in Chọn cột', () => {
    expect(column.hide).toBe(true);
  });
});
