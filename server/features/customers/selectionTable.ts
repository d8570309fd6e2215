import type { Knex } from 'knex';
import type { Actor } from '../../access/actor';
import { editableSelection, type Selection } from './selection';

/** Temp tables bulk actions materialise their selection into (fixed names: never user input in SQL). */
export type SelectionTableName = 'mass_update_selection' | 'campaign_selection' | 'bulk_selection';

/**
 * The customers a bulk action may change (`editableSelection`: explicit ids all-or-nothing, or
 * every editable customer matching the filter) as a temp table `name (id primary key, changed)`,
 * dropped at commit. Steps mark `changed` on the rows they changed, so the action can answer how
 * many changed and how many were already as asked. Analysed, so joins against it plan by its size.
 */
export async function createSelectionTable(trx: Knex, actor: Actor, selection: Selection, name: SelectionTableName): Promise<{ matched: number }> {
  const { query } = await editableSelection(trx, actor, selection);
  const created = await trx.raw(`CREATE TEMP TABLE ${name} ON COMMIT DROP AS SELECT s.id, false AS changed FROM (?) s`, [query]);
  await trx.raw(`ALTER TABLE ${name} ADD PRIMARY KEY (id)`);
  await trx.raw(`ANALYZE ${name}`);
  return { matched: created.rowCount ?? 0 };
}
