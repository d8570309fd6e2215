import type { Knex } from 'knex';
import { WeightedChoice } from './random';

/** Share of the reserved O4 entries relative to one of the company's own entries: a few customers each. */
const reservedWeight: Record<string, number> = { multi_assign_pending: 0.3, multi_assign_done: 0.15 };

/**
 * The care statuses (Tình trạng chăm sóc) seeded customers get, read from the managed list
 * (`care_statuses`, filled by its migration) as the value a customer stores: `coalesce(key, name)`.
 * The company's own entries are equally likely, the reserved ones rare. Null when there is no list.
 */
export async function careStatusChoice(db: Knex): Promise<WeightedChoice<string> | null> {
  // A database migrated before the list existed has no statuses to offer.
  if (!(await db.raw(`SELECT to_regclass('care_statuses') IS NOT NULL AS present`)).rows[0].present) return null;
  const rows: { value: string; key: string | null }[] = await db('care_statuses')
    .whereNull('deleted_at')
    .orderBy('id')
    .select(db.raw('coalesce(key, name) AS value'), 'key');
  if (rows.length === 0) return null;
  return new WeightedChoice(rows.map((row) => [row.value, row.key === null ? 1 : reservedWeight[row.key] ?? 0.1] as const));
}
