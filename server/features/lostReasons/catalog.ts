import type { Knex } from 'knex';
import type { Catalog } from '../classification/service';

/** Lý do thất bại (S1, S5): a managed list like customer types; the count is of live lost opportunities citing it. */
export const lostReasonsCatalog: Catalog = {
  table: 'lost_reasons',
  entity: 'lost_reason',
  countSql: `(SELECT count(*)::int FROM opportunities o WHERE o.lost_reason_id = x.id AND o.stage = 'lost' AND o.deleted_at IS NULL)`,
  countField: 'opportunityCount',
  fields: { name: 'name' },
};

/** The live reason named `name` (trimmed, case-insensitive, as the unique index compares). */
export async function findLostReasonId(db: Knex, name: string): Promise<number | undefined> {
  const row = await db('lost_reasons').whereNull('deleted_at').whereRaw('lower(name) = lower(?)', [name.trim()]).first('id');
  return row?.id;
}
