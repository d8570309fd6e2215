import type { Knex } from 'knex';
import type { PoolRules } from '../../../shared/schemas/pool';

export const anyRuleEnabled = (rules: PoolRules) => Object.values(rules).some((rule) => rule.enabled);

/**
 * `customer_pool_due` for every customer under `rules` (after the settings changed), set-based in
 * the caller's transaction: `crm_pool_due` of migration 0020 (the one definition of the rules),
 * bound as a constant so it is inlined and the rules fold into the plan. Triggers keep it current
 * between changes.
 */
export async function recomputePoolDue(trx: Knex, rules: PoolRules): Promise<void> {
  await trx.raw('DELETE FROM customer_pool_due');
  if (!anyRuleEnabled(rules)) return;
  // The activity aggregate of 1M customers spills to disk at the default 4 MB (7.6 s instead of ~5 s).
  await trx.raw(`SET LOCAL work_mem = '256MB'`);
  await trx.raw('INSERT INTO customer_pool_due (customer_id, due_on, rule) SELECT customer_id, due_on, rule FROM crm_pool_due(?::jsonb, NULL)',
    [JSON.stringify(rules)]);
  await trx.raw('ANALYZE customer_pool_due');
}

/** The calendar day (Asia/Ho_Chi_Minh) of `asOf`, or of the database's now, as SQL. */
export function vnDay(db: Knex, asOf?: Date | string): Knex.Raw {
  return asOf === undefined ? db.raw('crm_vn_day(now())') : db.raw('crm_vn_day(?::timestamptz)', [asOf instanceof Date ? asOf.toISOString() : asOf]);
}

/** `poolDaysLeft` of a customers row `c` (select list): days from today to its due day, 0 when overdue; NULL without a due row. */
export function poolDaysLeft(db: Knex): Knex.Raw {
  return db.raw('(SELECT greatest(0, d.due_on - crm_vn_day(now())) FROM customer_pool_due d WHERE d.customer_id = c.id) AS pool_days_left');
}

/** Filter, bound to a number of days: customers `c` an enabled rule would move within them (overdue ones too). */
export const poolDueWithinSql = 'EXISTS (SELECT 1 FROM customer_pool_due d WHERE d.customer_id = c.id AND d.due_on <= crm_vn_day(now()) + ?::int)';
