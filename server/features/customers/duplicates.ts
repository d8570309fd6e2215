import type { Knex } from 'knex';
import {
  duplicateFields, duplicateMatchLimit, type DuplicateCheckBody, type DuplicateField, type DuplicateMatches,
} from '../../../shared/schemas/customers';
import type { Actor } from '../../access/actor';
import { customerAccess } from '../../access/customerAccess';
import { AppError } from '../../errors';
import { customerSettings } from '../settings/customerSettings';
import { readSettings } from '../settings/service';

/**
 * Duplicate warning (issue 10). A field's value compares through its IMMUTABLE normalising SQL
 * function (migration 0008), the same one its expression index is built on, so the lookup and the
 * "refuse" check agree and both are an index probe at any table size.
 */
const normalised: Record<DuplicateField, { column: string; fn: string }> = {
  taxCode: { column: 'tax_code', fn: 'crm_normal_tax_code' },
  phone: { column: 'phone', fn: 'crm_normal_phone' },
  email: { column: 'email', fn: 'crm_normal_email' },
};

/** SQL: the live customer `c` has the same normalised `field` as the bound value. */
function sameValue(db: Knex, field: DuplicateField, value: string): Knex.Raw {
  const { column, fn } = normalised[field];
  return db.raw(`${fn}(c.${column}) = ${fn}(?) AND c.deleted_at IS NULL`, [value]);
}

type MatchRow = { field: DuplicateField; total: number; id: number | null; code: string | null; name: string | null; owner_name: string | null };

/**
 * Other live customers with the same tax code, phone or email. Per field: up to
 * `duplicateMatchLimit` customers the caller may read (the access rules' `readable()` in the SQL),
 * then one row for "some you may not open" whose details the SQL itself blanks out, so nothing of a
 * hidden customer (id, code, name, owner) ever leaves the database. `excludeId` (the customer being
 * edited) is only left out when the caller may edit it; otherwise it could probe hidden customers.
 */
export async function findDuplicates(db: Knex, actor: Actor, body: DuplicateCheckBody): Promise<DuplicateMatches> {
  const access = customerAccess(db, actor);
  const branches: Knex.Raw[] = [];
  for (const field of duplicateFields) {
    const value = body[field]?.trim();
    if (!value) continue;
    const select = `SELECT ?::text AS field, c.id, c.code, c.name, c.owner_id, (?) AS visible FROM customers c WHERE ?`;
    branches.push(body.excludeId === undefined
      ? db.raw(select, [field, access.readable(), sameValue(db, field, value)])
      : db.raw(`${select} AND NOT (c.id = ? AND ?)`, [field, access.readable(), sameValue(db, field, value), body.excludeId, access.editable()]));
  }
  const counts = { taxCode: 0, phone: 0, email: 0 };
  if (branches.length === 0) return { matches: [], counts };
  const { rows } = await db.raw<{ rows: MatchRow[] }>(
    `WITH matched AS MATERIALIZED (${branches.map(() => '?').join(' UNION ALL ')}),
     ranked AS (
       SELECT m.*, count(*) OVER (PARTITION BY m.field)::int AS total,
              row_number() OVER (PARTITION BY m.field, m.visible ORDER BY m.id) AS rank
         FROM matched m
     )
     SELECT r.field, r.total,
            CASE WHEN r.visible THEN r.id END AS id,
            CASE WHEN r.visible THEN r.code END AS code,
            CASE WHEN r.visible THEN r.name END AS name,
            CASE WHEN r.visible THEN o.full_name END AS owner_name
       FROM ranked r LEFT JOIN users o ON o.id = r.owner_id AND r.visible
      WHERE (r.visible AND r.rank <= ?) OR (NOT r.visible AND r.rank = 1)
      ORDER BY array_position(?::text[], r.field), r.visible DESC, r.id`,
    [...branches, duplicateMatchLimit, [...duplicateFields]],
  );
  for (const row of rows) counts[row.field] = row.total;
  return {
    matches: rows.map((row) => ({
      field: row.field,
      customer: row.id === null ? null : { id: row.id, code: row.code ?? '', name: row.name ?? '', ownerName: row.owner_name },
    })),
    counts,
  };
}

/** Two-key advisory locks (namespace, hash) never collide with the single-key ones elsewhere. */
const taxCodeLockNamespace = 47_800_003;

/**
 * Inside a create/update transaction: when the company refuses duplicate tax codes (Thiết lập ›
 * Khách hàng), 409 DUPLICATE on `taxCode` if another live customer has the same normalised one. The
 * message names no customer. Concurrent saves of one tax code queue on an advisory lock on its
 * hash, so the second sees the first's committed row. An edit that keeps the customer's tax code
 * (same normalised value) is never refused, so legacy duplicates stay editable.
 */
export async function refuseDuplicateTaxCode(trx: Knex, taxCode: string | null | undefined, customerId?: number): Promise<void> {
  if (!taxCode?.trim()) return;
  const { duplicateTaxCode } = await readSettings(trx, customerSettings);
  if (duplicateTaxCode !== 'refuse') return;
  if (customerId !== undefined) {
    const current = await trx('customers').where({ id: customerId })
      .first(trx.raw('crm_normal_tax_code(tax_code) IS NOT DISTINCT FROM crm_normal_tax_code(?) AS unchanged', [taxCode]));
    if (current?.unchanged) return;
  }
  await trx.raw('SELECT pg_advisory_xact_lock(?, hashtext(crm_normal_tax_code(?)))', [taxCodeLockNamespace, taxCode]);
  const other = await trx('customers as c')
    .where(sameValue(trx, 'taxCode', taxCode))
    .modify((query) => (customerId === undefined ? query : query.whereNot('c.id', customerId)))
    .first('c.id');
  if (other) throw new AppError(409, 'DUPLICATE', 'Another customer already has this tax code', 'taxCode');
}
