import type { Knex } from 'knex';
import type { Actor } from '../../access/actor';
import { writeAudit } from '../audit/writeAudit';
import { writeOwnerChangeNotices } from './ownerChangeNotices';

export type OwnerChangeReason = 'transfer' | 'edit' | 'undo' | 'claim' | 'pool' | 'conversion';

/**
 * Which customers get which owner: an SQL source of rows `(customer_id bigint, owner_id bigint,
 * expected_version integer)`; a NULL expected_version changes the customer whatever its version.
 * With `restore` (undo) the source also gives `previous_owner_id` and `assigned_at`, which are
 * set as given instead of (the old owner, now()).
 */
export type OwnerPlan = { source: Knex.Raw | Knex.QueryBuilder; restore?: boolean };

export type OwnerChangeOptions = {
  /** The transfer batch the change belongs to (history rows and notification links name it). */
  batchId?: number;
  /** App path of the list the new owners should open, e.g. `/customers?batch=12`. */
  link?: string;
  /** App path for the users who lost customers, where they can still open them (the pool list). */
  lostLink?: string;
  /** Extra audit detail (a transfer's options, a filter). */
  detail?: Record<string, unknown>;
  /**
   * Pool moves (SPEC P1): `enter` changes only customers outside the pool and puts them in it,
   * `leave` only pool customers and takes them out. The test is in the UPDATE's WHERE, so of two
   * concurrent claims of a customer the second finds it gone and changes nothing.
   */
  pool?: 'enter' | 'leave';
};

const poolChanges = {
  enter: { set: ', in_pool = true, pool_entered_at = now()', where: ' AND NOT c.in_pool' },
  leave: { set: ', in_pool = false, pool_entered_at = NULL', where: ' AND c.in_pool' },
};

/** Audit rows list the ids of changes up to this size; bigger ones are found through their batch. */
const auditIdLimit = 1000;

/**
 * The one operation that changes customer owners (transfer, edit, undo; later pool claim and
 * recycle, lead conversion), set-based, in the caller's transaction. Per customer it moves the
 * owner, keeps the old one as previous owner, sets owner_assigned_at and a new version; then it
 * writes the ownership history, one audit row, and one notification per user who received or
 * lost customers. Customers already owned by the planned owner, deleted ones, and ones whose
 * version is no longer the expected one are left as they are.
 *
 * The changed rows are left in the temporary table `owner_changes` (customer_id, from_owner_id,
 * from_previous_owner_id, from_assigned_at, to_owner_id, version_after) until the next call or
 * the end of the transaction, for the caller's own bookkeeping (a transfer batch).
 */
export async function changeOwners(trx: Knex, actor: Actor, plan: OwnerPlan, reason: OwnerChangeReason, options: OwnerChangeOptions = {}): Promise<{ changed: number }> {
  await trx.raw(`DROP TABLE IF EXISTS owner_changes`);
  await trx.raw(`CREATE TEMP TABLE owner_changes (
    customer_id bigint PRIMARY KEY, from_owner_id bigint, from_previous_owner_id bigint, from_assigned_at timestamptz,
    to_owner_id bigint, version_after integer) ON COMMIT DROP`);
  // A pool customer has no owner: the one before the pool stays its previous owner.
  const previousOwner = plan.restore ? 'p.previous_owner_id' : 'coalesce(c.owner_id, c.previous_owner_id)';
  const assignedAt = plan.restore ? 'p.assigned_at' : 'now()';
  const pool = options.pool ? poolChanges[options.pool] : { set: '', where: '' };
  const moved = await trx.raw(
    `WITH changed AS (
       UPDATE customers c
          SET owner_id = p.owner_id, previous_owner_id = ${previousOwner}, owner_assigned_at = ${assignedAt},
              version = c.version + 1, updated_at = now(), updated_by = ?${pool.set}
         FROM (?) AS p
        WHERE c.id = p.customer_id AND c.deleted_at IS NULL${pool.where}
          AND c.owner_id IS DISTINCT FROM p.owner_id
          AND (p.expected_version IS NULL OR c.version = p.expected_version)
       RETURNING c.id AS customer_id, old.owner_id AS from_owner_id, old.previous_owner_id AS from_previous_owner_id,
                 old.owner_assigned_at AS from_assigned_at, new.owner_id AS to_owner_id, new.version AS version_after)
     INSERT INTO owner_changes SELECT * FROM changed`,
    [actor.id, plan.source],
  );
  const changed = moved.rowCount ?? 0;
  if (changed === 0) return { changed };
  await trx.raw('ANALYZE owner_changes');

  await trx.raw(
    `INSERT INTO ownership_history (customer_id, from_user_id, to_user_id, reason, changed_by, batch_id)
     SELECT customer_id, from_owner_id, to_owner_id, ?, ?, ? FROM owner_changes`,
    [reason, actor.id, options.batchId ?? null],
  );
  const ids = changed <= auditIdLimit ? (await trx('owner_changes').orderBy('customer_id').pluck('customer_id')) as number[] : [];
  await writeAudit(trx, actor.id, `owner_${reason}`, 'customer', ids, { count: changed, batchId: options.batchId ?? null, ...options.detail });
  await writeOwnerChangeNotices(trx, actor, reason, options);
  return { changed };
}
