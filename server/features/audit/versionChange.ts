import type { Knex } from 'knex';

/** Who made a record's current version (null: not known, e.g. seeded rows) and when. */
export type VersionChange = { by: string | null; at: Date };

/**
 * Who made the current version of an opportunity, for the 409 of a stale edit and the record's
 * `updatedByName`. The write that set `updated_at` wrote its audit row in the same transaction,
 * so both carry that transaction's now(): an equality on `audit_log.at` (its index) finds it.
 * Customers keep `updated_by` on the row instead (migration 0017), which bulk writes need.
 */
export async function versionChange(db: Knex, entity: 'opportunity', id: number): Promise<VersionChange | undefined> {
  const tables = { opportunity: 'opportunities' } as const;
  const { rows } = await db.raw<{ rows: VersionChange[] }>(
    `SELECT r.updated_at AS at,
            (SELECT u.full_name FROM audit_log a JOIN users u ON u.id = a.user_id
              WHERE a.at = r.updated_at AND a.entity = ? AND r.id = ANY(a.entity_ids) ORDER BY a.id DESC LIMIT 1) AS by
       FROM ?? r WHERE r.id = ?`,
    [entity, tables[entity], id],
  );
  return rows[0];
}
