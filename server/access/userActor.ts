import type { Knex } from 'knex';
import type { Actor } from './actor';

/**
 * A user as the access rules see them, for work done with that user's access without a session
 * (a multi-assign rule's assignee, the scheduler's system user); `active` says whether they may
 * still act. Undefined when there is no such user.
 */
export async function userActor(db: Knex, userId: number): Promise<(Actor & { active: boolean }) | undefined> {
  const row = await db('users as u').leftJoin('departments as d', 'd.id', 'u.department_id').where('u.id', userId)
    .first('u.id', 'u.username', 'u.full_name', 'u.role', 'u.department_id', 'u.active', 'd.path');
  if (!row) return undefined;
  return {
    id: row.id, username: row.username, fullName: row.full_name, role: row.role, departmentId: row.department_id,
    departmentPath: row.path ?? null, active: row.active,
  };
}
