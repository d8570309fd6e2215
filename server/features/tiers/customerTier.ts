import type { Knex } from 'knex';
import type { CustomerTier } from '../../../shared/schemas/tiers';
import type { Actor } from '../../access/actor';
import { customerAccess } from '../../access/customerAccess';
import { notFound } from '../../errors';
import { readSettings } from '../settings/service';
import { tierSettings } from './tierSettings';

type Measured = { tier_id: number | null; tier_name: string | null; discount_percent: number | null; readable: boolean; amount: number | null; contracts: number | null };
type NextRow = { id: number; name: string; min_amount: number | null; min_contracts: number | null };

/**
 * `GET /api/customers/:id/tier`: the customer's tier and what it lacks for the next one up, the
 * lowest-ranked applicable tier above its own (all of them without a tier) that it does not meet.
 * Amounts follow the access rules like `revenue` / `paid` of the customer row.
 */
export async function customerTier(db: Knex, actor: Actor, customerId: number): Promise<CustomerTier> {
  const { basis } = await readSettings(db, tierSettings);
  const access = customerAccess(db, actor);
  const amountSql = basis === 'revenue'
    ? 'c.revenue'
    : '(SELECT coalesce(sum(p.amount), 0) FROM payments p WHERE p.customer_id = c.id AND p.deleted_at IS NULL)';
  const measured = await db('customers as c').leftJoin('tiers as t', 't.id', 'c.tier_id')
    .where('c.id', customerId).whereNull('c.deleted_at')
    .first<Measured | undefined>('c.tier_id', 't.name as tier_name', 't.discount_percent', db.raw('? AS readable', [access.readable()]),
      db.raw(`CASE WHEN ? THEN ${amountSql} END AS amount`, [access.infoVisible('contracts')]),
      db.raw(`CASE WHEN ? THEN (SELECT count(*)::int FROM contracts k WHERE k.customer_id = c.id AND k.deleted_at IS NULL) END AS contracts`, [access.infoVisible('contracts')]));
  if (!measured?.readable) throw notFound('Customer');
  // Under basis payment the count does not decide the tier; hidden amounts stay hidden (null).
  const contracts = basis === 'revenue' || measured.contracts === null ? measured.contracts : 0;
  const next = measured.amount === null ? undefined : (await db.raw<{ rows: NextRow[] }>(`
    SELECT r.id, t.name, r.min_amount, r.min_contracts FROM crm_ranked_tiers(?) r JOIN tiers t ON t.id = r.id
     WHERE r.rank < coalesce((SELECT o.rank FROM crm_ranked_tiers(?) o WHERE o.id = ?), 'Infinity'::numeric)
       AND NOT crm_tier_met(r.min_amount, r.min_contracts, ?, ?)
     ORDER BY r.rank DESC LIMIT 1`, [basis, basis, measured.tier_id, measured.amount, contracts])).rows[0];
  return {
    tier: measured.tier_id === null ? null : { id: measured.tier_id, name: measured.tier_name! },
    discountPercent: measured.discount_percent,
    basis,
    current: { amount: measured.amount, contracts },
    next: next ? {
      tier: { id: next.id, name: next.name },
      missingAmount: next.min_amount === null ? null : next.min_amount - measured.amount!,
      missingContracts: next.min_contracts === null ? null : next.min_contracts - contracts!,
    } : null,
  };
}
