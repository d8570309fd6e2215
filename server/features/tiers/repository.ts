import type { Knex } from 'knex';
import type { Tier } from '../../../shared/schemas/tiers';
import type { Actor } from '../../access/actor';
import { customerAccess } from '../../access/customerAccess';

type TierRow = { id: number; name: string; min_amount: number | null; min_contracts: number | null; discount_percent: number; customer_count: number };

const toTier = (row: TierRow): Tier => ({
  id: row.id, name: row.name, minAmount: row.min_amount, minContracts: row.min_contracts,
  discountPercent: row.discount_percent, customerCount: row.customer_count,
});

/**
 * Every tier (or one), highest first, with how many of its live customers the actor may read:
 * counted in `customer_tiers` alone for admins, through the access rules for everyone else (the
 * list is read by every user: the grid's picker, the pool rules).
 */
export async function listTiers(db: Knex, actor: Actor, id?: number): Promise<Tier[]> {
  const access = customerAccess(db, actor);
  const counted = access.readsEveryCustomer
    ? db.raw('SELECT tier_id, count(*) FROM customer_tiers GROUP BY tier_id')
    : db.raw('SELECT k.tier_id, count(*) FROM customer_tiers k JOIN customers c ON c.id = k.customer_id WHERE ? GROUP BY k.tier_id', [access.readable()]);
  const rows = await db.raw<{ rows: TierRow[] }>(`
    SELECT t.id, t.name, t.min_amount, t.min_contracts, t.discount_percent, coalesce(n.count, 0)::int AS customer_count
      FROM crm_ranked_tiers('revenue') r JOIN tiers t ON t.id = r.id
      LEFT JOIN (?) n ON n.tier_id = t.id
     WHERE ?::bigint IS NULL OR t.id = ?
     ORDER BY r.rank`, [counted, id ?? null, id ?? null]);
  return rows.rows.map(toTier);
}

/** Serialises tier writes and recomputes (two full recomputes would fight over the same rows). */
export async function lockTiers(trx: Knex): Promise<void> {
  await trx.raw(`SELECT pg_advisory_xact_lock(hashtext('crm_tiers'))`);
}

/** Gives every live customer the highest tier they meet; answers how many changed. */
export async function recomputeTiers(trx: Knex): Promise<number> {
  const result = await trx.raw<{ rows: { changed: number }[] }>('SELECT crm_recompute_tiers(NULL) AS changed');
  const { changed } = result.rows[0];
  // Fresh statistics at once: planned from the empty table of migration 0021, a tierId filter of
  // 80,000 customers hash-joined them all (350 ms per page at 1M) until autovacuum came by; 15 ms after.
  if (changed >= 10_000) await trx.raw('ANALYZE customer_tiers');
  return changed;
}
