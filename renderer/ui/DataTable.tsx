import type { ReactNode } from 'react';

export type Column<Row> = {
  header: string;
  /** Right-aligned figures. */
  numeric?: boolean;
  cell: (row: Row) => ReactNode;
};

type DataTableProps<Row> = {
  columns: Column<Row>[];
  rows: Row[];
  rowClassName?: (row: Row) => string | undefined;
  /** A last column of buttons per row; `label` names the column for screen readers. */
  actions?: { label: string; cell: (row: Row) => ReactNode };
};

/** A plain table of records, one row per record (keyed by its id). */
export function DataTable<Row extends { id: number }>({ columns, rows, rowClassName, actions }: DataTableProps<Row>) {
  const numberClass = (column: Column<Row>) => (column.numeric ? 'number' : undefined);
  return (
    <table className="table">
      <thead>
        <tr>
          {columns.map((column, index) => (
            <th key={index} className={numberClass(column)}>
              {column.header}
            </th>
          ))}
          {actions && <th aria-label={actions.label} />}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className={rowClassName?.(row)}>
            {columns.map((column, index) => (
              <td key={index} className={numberClass(column)}>
                {column.cell(row)}
              </td>
            ))}
            {actions && <td className="row-actions">{actions.cell(row)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
