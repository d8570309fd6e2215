import type { Knex } from 'knex';
import type { ColumnSpec } from '../../../shared/columns/ColumnSpec';

/** SQL per column key of a list; each expression is trusted SQL (no user input). */
export type ColumnSql = Record<string, string | Knex.Raw>;

/** Selects `columns` in order, each as its key (so a cursor's row arrays follow the spec). */
export function selectColumns(db: Knex, query: Knex.QueryBuilder, columns: ColumnSpec[], sql: ColumnSql): Knex.QueryBuilder {
  return query.select(columns.map((spec) => {
    const expression = sql[spec.key];
    if (expression === undefined) throw new Error(`no SQL for export column ${spec.key}`);
    return db.raw(`? AS ??`, [typeof expression === 'string' ? db.raw(expression) : expression, spec.key]);
  }));
}

/** A timestamptz as Vietnamese wall-clock text, the form cellValues reads. */
export const vnDateTime = (column: string) => `to_char(${column} AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD"T"HH24:MI:SS')`;
/** A timestamptz as its Vietnamese calendar day. */
export const vnDate = (column: string) => `crm_vn_day(${column})::text`;
