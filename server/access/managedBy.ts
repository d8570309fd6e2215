import type { Knex } from 'knex';
import type { Actor } from './actor';
import { subtreeUserIds } from './customerAccess';

/**
 * SQL predicate for records that managers and admins manage (campaigns, multi-assign rules):
 * `userColumn` (e.g. `x.owner_id`) names the user a record belongs to. Admins manage every
 * record; a manager those of themself and of their department subtree, as with customers;
 * staff none.
 */
export function managedBy(db: Knex, actor: Actor, userColumn: string): Knex.Raw {
  if (!/^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/.test(userColumn)) throw new Error(`unsafe SQL column ${userColumn}`);
  if (actor.role === 'admin') return db.raw('TRUE');
  if (actor.role !== 'manager') return db.raw('FALSE');
  if (!actor.departmentPath) return db.raw(`${userColumn} = ?`, [actor.id]);
  return db.raw(`${userColumn} = ANY(ARRAY(SELECT ?::bigint UNION ALL ?))`, [actor.id, subtreeUserIds(db, actor.departmentPath)]);
}
