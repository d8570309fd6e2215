import { activityColumns } from './activityColumns';
import type { ColumnSpec } from './ColumnSpec';
import { customerColumns } from './customerColumns';
import { opportunityColumns } from './opportunityColumns';

/** The lists that export, with their columns; the names are the `list` of tickets and recent exports. */
export const exportLists = ['customers', 'activities', 'opportunities'] as const;
export type ExportList = (typeof exportLists)[number];

export const columnsOf: Record<ExportList, ColumnSpec[]> = {
  customers: customerColumns,
  activities: activityColumns,
  opportunities: opportunityColumns,
};

/** Pattern of the `columns` parameter: a comma list of keys (checked against the list's spec by `pickColumns`). */
export const columnsPattern = '^[A-Za-z]{1,40}(,[A-Za-z]{1,40}){0,49}$';

/**
 * The spec's columns named by `columns` (a comma list of keys, in the grid's order), or all of
 * them; `{unknown}` names the first key the list does not have.
 */
export function pickColumns(specs: ColumnSpec[], columns: string | undefined): { picked: ColumnSpec[] } | { unknown: string } {
  if (!columns) return { picked: specs };
  const picked: ColumnSpec[] = [];
  for (const key of columns.split(',')) {
    const spec = specs.find((candidate) => candidate.key === key);
    if (!spec) return { unknown: key };
    if (!picked.includes(spec)) picked.push(spec);
  }
  return { picked };
}
