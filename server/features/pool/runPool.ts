import type { Knex } from 'knex';
import { poolPreviewLimit, poolRunIdLimit, type PoolPreviewRow, type PoolRules, type PoolRunResult } from '../../../shared/schemas/pool';
import type { Actor } from '../../access/actor';
import { customerAccess } from '../../access/customerAccess';
import { changeOwners } from '../ownership/changeOwners';
import { readSettings } from '../settings/service';
import { vnDay } from './poolDue';
import { poolSettings } from './poolSettings';

export type PoolRunTrigger = 'schedule' | 'manual';
export type PoolRunOptions = { dryRun?: boolean; asOf?: Date | string; trigger: PoolRunTrigger };

/** The pool list, where previous owners still find the customers a run took from them. */
export const poolListLink = '/pool';

type PreviewRow = {
  customer_id: number; code: string; name: string; owner_id: number; owner_name: string; rule: PoolPreviewRow['rule'];
  owner_assigned_at: Date; days: number;
};

/**
 * The candidates a run as of `asOf` moves, as the temp table `pool_candidates` (customer_id, rule,
 * days, and what a preview shows of the customer): every customer whose due day in
 * `customer_pool_due` is on or before asOf's Vietnamese calendar day (`days` = that day − the
 * rule's reference day). The due table is the rules' answer for every customer (crm_pool_due),
 * recomputed when the settings change and kept exact by triggers in the statement of every write
 * the rules read, so the selection is an index range rather than a pass over every activity (a
 * dry run at 1M customers / 5M activities: ~2 s instead of 11 s). The dry run and the run share
 * it; each row is re-checked (still owned, live, out of the pool).
 */
async function selectCandidates(trx: Knex, options: PoolRunOptions): Promise<{ total: number; rules: PoolRules }> {
  const { rules } = await readSettings(trx, poolSettings);
  await trx.raw('DROP TABLE IF EXISTS pool_candidates');
  const day = vnDay(trx, options.asOf);
  const created = await trx.raw(
    `CREATE TEMP TABLE pool_candidates ON COMMIT DROP AS
     SELECT d.customer_id, d.rule, (? - d.due_on) + (?::jsonb -> d.rule ->> 'days')::int AS days,
            c.code, c.name, c.owner_id, c.owner_assigned_at
       FROM customer_pool_due d JOIN customers c ON c.id = d.customer_id
      WHERE d.due_on <= ? AND c.deleted_at IS NULL AND c.owner_id IS NOT NULL AND NOT c.in_pool`,
    [day, JSON.stringify(rules), day],
  );
  await trx.raw('ANALYZE pool_candidates');
  return { total: created.rowCount ?? 0, rules };
}

/** A preview names only customers the caller may read (SPEC: no action shows what one could not open). */
async function dropUnreadable(trx: Knex, actor: Actor): Promise<number> {
  const dropped = await trx.raw('DELETE FROM pool_candidates p WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = p.customer_id AND ?)',
    [customerAccess(trx, actor).readable()]);
  return dropped.rowCount ?? 0;
}

/** Up to 1,000 candidates in name order, with owner, rule, last counted activity (the rules' function, for these only) and days. */
async function previewRows(trx: Knex, rules: PoolRules): Promise<PoolPreviewRow[]> {
  const { rows } = await trx.raw<{ rows: PreviewRow[] }>(
    `SELECT p.customer_id, p.code, p.name, p.owner_id, u.full_name AS owner_name, p.rule, p.owner_assigned_at, p.days
       FROM pool_candidates p JOIN users u ON u.id = p.owner_id
      ORDER BY p.name, p.customer_id LIMIT ?`,
    [poolPreviewLimit],
  );
  const ids = rows.map((row) => row.customer_id);
  const { rows: last } = await trx.raw<{ rows: { customer_id: number; last_activity: string | null }[] }>(
    'SELECT customer_id, last_activity::text AS last_activity FROM crm_pool_due(?::jsonb, ?::bigint[])', [JSON.stringify(rules), ids]);
  const lastOf = new Map(last.map((row) => [row.customer_id, row.last_activity]));
  return rows.map((row) => ({
    customerId: row.customer_id, code: row.code, name: row.name, ownerId: row.owner_id, ownerName: row.owner_name, rule: row.rule,
    lastActivityDate: lastOf.get(row.customer_id) ?? null, ownerAssignedAt: row.owner_assigned_at.toISOString(), days: row.days,
  }));
}

/**
 * One pool run (SPEC P2), the same function for the schedule, Reset and the dry run, in the
 * caller's transaction: one set-based statement selects the candidates, and one changeOwners call
 * moves them (owner NULL, previous owner kept, in_pool, history, one audit row, one notification
 * per previous owner, live event). Runs take turns (an advisory lock); a second run finds the
 * moved customers in the pool and moves nothing new. A dry run selects the same candidates and
 * writes nothing. Records stay as they are: `asOf` only sets the day the rules compare with.
 */
export async function runPool(trx: Knex, actor: Actor, options: PoolRunOptions): Promise<PoolRunResult> {
  await trx.raw(`SELECT pg_advisory_xact_lock(hashtext('crm_pool_run'))`);
  const { total: found, rules } = await selectCandidates(trx, options);
  if (options.dryRun) {
    const total = customerAccess(trx, actor).readsEveryCustomer ? found : found - (await dropUnreadable(trx, actor));
    const ids = await trx('pool_candidates').orderBy('customer_id').limit(poolRunIdLimit).pluck('customer_id');
    return { moved: total, customerIds: ids.map(Number), preview: { rows: await previewRows(trx, rules), total } };
  }
  const { changed } = await changeOwners(trx, actor,
    { source: trx.raw('SELECT customer_id, NULL::bigint AS owner_id, NULL::integer AS expected_version FROM pool_candidates') },
    'pool', { pool: 'enter', lostLink: poolListLink, detail: { trigger: options.trigger, asOf: options.asOf ?? null } });
  const ids = changed ? await trx('owner_changes').orderBy('customer_id').limit(poolRunIdLimit).pluck('customer_id') : [];
  const asOf = options.asOf ?? trx.fn.now();
  await trx('pool_runs').insert({ as_of: asOf, moved: changed, trigger: options.trigger, user_id: actor.id });
  return { moved: changed, customerIds: ids.map(Number) };
}
