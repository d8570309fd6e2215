import type { Knex } from 'knex';
import type { InfoType } from '../../shared/schemas/enums';
import type { Actor } from './actor';

/**
 * The access rules of SPEC as SQL predicates over a customers row aliased `alias`. Every list,
 * bulk action, export and report composes these into its own query; nothing filters in JS.
 *
 * - edit: admin; a manager for customers owned in their department subtree; the owner.
 * - read: edit, or shared with the user (any share source), or in the common pool.
 * - info of a kind (contacts, activities, …): edit, or a share that includes that kind.
 */
export type CustomerAccess = {
  editable: () => Knex.Raw;
  readable: () => Knex.Raw;
  infoVisible: (infoType: InfoType) => Knex.Raw;
  /** SQL expression: 'edit' | 'read' | 'pool' (NULL when invisible). */
  level: () => Knex.Raw;
};

function checkAlias(alias: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`unsafe SQL alias ${alias}`);
  return alias;
}

/** Ids of users whose department is at or under `path`. */
export function subtreeUserIds(db: Knex, path: string): Knex.Raw {
  return db.raw(`SELECT u.id FROM users u JOIN departments d ON d.id = u.department_id WHERE d.path LIKE ?`, [`${path}%`]);
}

/** Owners whose customers the actor may edit: themself, plus their subtree for managers. */
function editableOwners(db: Knex, actor: Actor): Knex.Raw {
  if (actor.role === 'manager' && actor.departmentPath) {
    return db.raw('ARRAY(SELECT ?::bigint UNION ALL ?)', [actor.id, subtreeUserIds(db, actor.departmentPath)]);
  }
  return db.raw('ARRAY[?::bigint]', [actor.id]);
}

export function customerAccess(db: Knex, actor: Actor, tableAlias = 'c'): CustomerAccess {
  const c = checkAlias(tableAlias);
  const admin = actor.role === 'admin';
  // `= ANY(ARRAY(subquery))` runs the subquery once (an InitPlan) and leaves Postgres free to
  // walk a sort index and filter (a manager's 450,000 customers) or to use the owner / id
  // indexes (a staff member's few thousand), whichever is cheaper.
  const editable = (): Knex.Raw => (admin ? db.raw('TRUE') : db.raw(`${c}.owner_id = ANY(?)`, [editableOwners(db, actor)]));
  const sharedWith = (infoType?: InfoType): Knex.Raw =>
    infoType
      ? db.raw(`EXISTS (SELECT 1 FROM customer_shares s WHERE s.customer_id = ${c}.id AND s.user_id = ? AND ? = ANY(s.info_types))`, [actor.id, infoType])
      : db.raw(`EXISTS (SELECT 1 FROM customer_shares s WHERE s.customer_id = ${c}.id AND s.user_id = ?)`, [actor.id]);
  const readable = (): Knex.Raw => admin
    ? db.raw('TRUE')
    : db.raw(
      `(${c}.owner_id = ANY(?) OR ${c}.id = ANY(ARRAY(SELECT s.customer_id FROM customer_shares s WHERE s.user_id = ?)) OR (${c}.in_pool AND ${c}.deleted_at IS NULL))`,
      [editableOwners(db, actor), actor.id],
    );
  return {
    editable,
    readable,
    infoVisible: (infoType) => (admin ? db.raw('TRUE') : db.raw('(? OR ?)', [editable(), sharedWith(infoType)])),
    level: () => db.raw(`CASE WHEN ? THEN 'edit' WHEN ? THEN 'read' WHEN ${c}.in_pool THEN 'pool' END`, [editable(), sharedWith()]),
  };
}

/**
 * SQL predicate over active users `u`: whom `actor` may make the owner of a customer: themself,
 * their department subtree (managers), anyone (admins). Owner pickers list exactly these.
 */
export function ownerAssignableUsers(db: Knex, actor: Actor, userAlias = 'u'): Knex.Raw {
  const u = checkAlias(userAlias);
  if (actor.role === 'admin') return db.raw(`${u}.active`);
  if (actor.role === 'manager' && actor.departmentPath) {
    return db.raw(`${u}.active AND (${u}.id = ? OR ${u}.id IN (?))`, [actor.id, subtreeUserIds(db, actor.departmentPath)]);
  }
  return db.raw(`${u}.active AND ${u}.id = ?`, [actor.id]);
}

/** Whether `actor` may make `ownerId` the owner of a customer. */
export function ownerAssignable(db: Knex, actor: Actor, ownerId: number): Knex.QueryBuilder {
  return db('users as u').where('u.id', ownerId).andWhere(ownerAssignableUsers(db, actor)).first('u.id');
}
