import type { Knex } from 'knex';
import type { User, UserListQuery } from '../../../shared/schemas/users';
import type { Actor } from '../../access/actor';
import { ownerAssignableUsers } from '../../access/customerAccess';
import { escapeLike } from '../../db/likePattern';

const columns = [
  'u.id', 'u.username', 'u.full_name', 'u.email', 'u.phone', 'u.department_id', 'd.name as department_name',
  'u.role', 'u.active', 'u.locale', 'u.created_at',
];

type UserRow = {
  id: number; username: string; full_name: string; email: string | null; phone: string | null;
  department_id: number | null; department_name: string | null; role: User['role']; active: boolean;
  locale: User['locale']; created_at: Date;
};

function toUser(row: UserRow): User {
  return {
    id: row.id, username: row.username, fullName: row.full_name, email: row.email, phone: row.phone,
    departmentId: row.department_id, departmentName: row.department_name, role: row.role, active: row.active,
    locale: row.locale, createdAt: row.created_at.toISOString(),
  };
}

/** Every user but the system user scheduled jobs act as (migration 0013): nobody picks, edits or signs in as it. */
function baseQuery(db: Knex) {
  return db('users as u').leftJoin('departments as d', 'd.id', 'u.department_id').where('u.is_system', false);
}

export async function findUser(db: Knex, id: number): Promise<User | undefined> {
  const row = await baseQuery(db).where('u.id', id).first(columns);
  return row ? toUser(row) : undefined;
}

export async function listUsers(db: Knex, actor: Actor, query: UserListQuery): Promise<User[]> {
  const rows = await baseQuery(db)
    .modify((q) => {
      if (query.assignable === 'owner') q.where(ownerAssignableUsers(db, actor));
      if (query.limit !== undefined) q.limit(query.limit);
      if (query.departmentId !== undefined) q.where('u.department_id', query.departmentId);
      if (query.active !== undefined) q.where('u.active', query.active);
      if (query.search) {
        q.whereRaw(`crm_search_text(u.full_name || ' ' || u.username) LIKE '%' || crm_search_text(?) || '%'`, [escapeLike(query.search.trim())]);
      }
    })
    .orderBy('u.full_name')
    .orderBy('u.id')
    .select(columns);
  return rows.map(toUser);
}

/** The ids among `ids` that are active users; used to validate owners and recipients. */
export async function activeUserIds(db: Knex, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db('users').whereIn('id', ids).andWhere('active', true).select('id');
  return rows.map((row) => row.id);
}
