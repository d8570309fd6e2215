import type { Knex } from 'knex';

/**
 * Serialises every change that could leave the database without an active admin (the start-up
 * bootstrap, disabling or demoting an admin), across all server processes sharing the database.
 * Held until the caller's transaction ends.
 */
export async function lockAdminChanges(trx: Knex.Transaction): Promise<void> {
  await trx.raw('SELECT pg_advisory_xact_lock(?)', [adminChangesLockKey]);
}

const adminChangesLockKey = 47_800_002;

/** Whether an active admin exists, other than `exceptId` when given. */
export async function activeAdminExists(db: Knex, exceptId?: number): Promise<boolean> {
  const row = await db('users')
    .where({ role: 'admin', active: true })
    .modify((q) => { if (exceptId !== undefined) q.whereNot('id', exceptId); })
    .first('id');
  return Boolean(row);
}
