import type { ColumnSpec } from '../../shared/columns/ColumnSpec';
import { vi } from '../../renderer/i18n/vi';

/** Excel number formats per column type; dates are real Excel dates shown the Vietnamese way. */
export const numberFormats: Partial<Record<ColumnSpec['type'], string>> = {
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
  money: '#,##0 "₫"',
  number: '#,##0',
  percent: '0%',
};

export type CellValue = string | number | Date | undefined;
type Convert = (value: unknown) => CellValue;

const labels = vi as Record<string, string>;

/**
 * `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS` (Vietnamese wall-clock time, from the SQL) as a Date at
 * that wall-clock time in UTC: Excel dates have no zone, exceljs writes a Date's UTC fields.
 */
function wallClock(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : `${value}Z`);
  return Number.isNaN(time) ? undefined : new Date(time);
}

/** How a column's SQL value becomes a cell value (NULL → no cell). */
export function cellConverter(spec: ColumnSpec): Convert {
  const prefix = spec.labels;
  switch (spec.type) {
    case 'date':
    case 'datetime':
      return wallClock;
    case 'money':
    case 'number':
      return (value) => (value === null || value === undefined ? undefined : Number(value));
    case 'percent':
      // The API's 0–100 as Excel's fraction, so the cell is a real percentage.
      return (value) => (value === null || value === undefined ? undefined : Number(value) / 100);
    default:
      if (prefix) return (value) => (value === null || value === undefined ? undefined : labels[`${prefix}.${String(value)}`] ?? String(value));
      return (value) => (value === null || value === undefined ? undefined : String(value));
  }
}
