import type { Knex } from 'knex';
import { infoTypes, type InfoType } from '../../shared/schemas/enums';
import type { Actor } from './actor';

/**
 * The access rules of SPEC as SQL predicates over a customers row aliased `alias`. Every list,
 * bulk action, export and report composes these into its own query; nothing filters in JS.
 *
 * - edit: admin; a manager for customers owned in their department subtree; the owner.
 * - read: edit, or shared with the user (any share source) or with their department or a
 *   department above it (a manual share with a department), or in the common pool.
 * - info of a kind (contacts, activities, …): edit, or such a share that includes that kind.
 */
export type CustomerAccess = {
  editable: () => Knex.Raw;
  /**
   * The same test as `editable()` made on the row's own owner_id, for select lists: in one, the
   * EXISTS was run as a hashed subplan over every customer of a manager's subtree (442,000 ids,
   * 90 ms for a page of 100 opportunities).
   */
  editableRow: () => Knex.Raw;
  readable: () => Knex.Raw;
  infoVisible: (infoType: InfoType) => Knex.Raw;
  /**
   * SQL text[]: the info types of the row the actor may see, for select lists. One probe of the
   * shares per row, where testing `infoVisible` per type made seven (a staff member's page of
   * 100 customers: 700 index probes, most of its load time).
   */
  visibleInfoTypes: () => Knex.Raw;
  /** SQL expression: 'edit' | 'read' | 'pool' (NULL when invisible). */
  level: () => Knex.Raw;
  /** `readable()` is TRUE (admins): a count may skip the customers table where a side table answers it. */
  readsEveryCustomer: boolean;
  /**
   * For one owner (staff): an array of ids holding every customer whose info the actor may see
   * (owned, or shared with them or their departments), a superset for other tables to find their
   * rows by `customer_id` through an index. Null for admins and subtrees, whose rows are tested in hand.
   */
  infoCandidateIds: (() => Knex.Raw) | null;
  /**
   * The one owner whose customers the actor's lists hold besides shared and pooled ones (staff:
   * themself), so another owner's customer edits cannot change them (migration 0029); null for
   * admins and subtrees.
   */
  soleOwnerId: number | null;
};

function checkAlias(alias: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`unsafe SQL alias ${alias}`);
  return alias;
}

/** Ids of users whose department is at or under `path`. */
export function subtreeUserIds(db: Knex, path: string): Knex.Raw {
  return db.raw(`SELECT u.id FROM users u JOIN departments d ON d.id = u.department_id WHERE d.path LIKE ?`, [`${path}%`]);
}

/**
 * The actor's department and every department above it, whose share rows reach the actor: the
 * ids in its materialised path (`/1/4/` → 1, 4), so no query and a constant `= ANY` for the index.
 */
function departmentLineage(actor: Actor): number[] {
  const ids = (actor.departmentPath ?? '').split('/').filter(Boolean).map(Number);
  if (!ids.every(Number.isSafeInteger)) throw new Error(`bad department path ${actor.departmentPath}`);
  return ids;
}

/** Owners whose customers the actor may edit: themself, plus their subtree for managers. */
function editableOwners(db: Knex, actor: Actor): Knex.Raw {
  if (actor.role === 'manager' && actor.departmentPath) {
    return db.raw('ARRAY(SELECT ?::bigint UNION ALL ?)', [actor.id, subtreeUserIds(db, actor.departmentPath)]);
  }
  return db.raw('ARRAY[?::bigint]', [actor.id]);
}

/**
 * `customers.owner_id` has no index: owner changes must stay HOT updates (migration 0014), so
 * the index of owners is the table `customer_owners`. Two kinds of test follow (measured at 1M):
 *
 * - Testing a row in hand (a select list, a filter while walking a sort index) reads the row's
 *   own `owner_id`: nothing is cheaper and it needs no index (a manager's first page: 1.3 ms).
 *   Probing the mirror per row instead took 5 ms, and Postgres often chose to hash all 450,000 of
 *   the manager's customers first (190 ms per page, 1.5 s for the select list of 100 rows).
 * - Finding an owner's customers goes through the mirror. `editable()` is one EXISTS, a
 *   semi-join in a WHERE that Postgres runs either way: collect a staff member's few thousand
 *   from `customer_owners_owner` and fetch them, or walk a sort index and probe
 *   `customer_owners_pkey` per row (a manager's 450,000).
 *
 * `readable()` is an OR (owned, shared, pool), which no semi-join can drive, and a UNION ALL
 * inside one EXISTS is always planned as "collect" (Postgres guesses 200 distinct ids: 2 s for a
 * manager's first page). So for a subtree (managers: a big share of all rows) it tests the row;
 * for one owner it also states the same set with the owned ids from the mirror, an index
 * condition a BitmapOr combines with the shares and the pool: a staff member's count takes 30 ms
 * (26 ms with the old owner index) instead of a 400 ms scan.
 */
/** The one owner whose customers an actor's lists hold besides shared and pooled ones (staff: themself), or null (admins, subtrees). */
function soleOwnerOf(actor: Actor): number | null {
  return actor.role === 'admin' || (actor.role === 'manager' && actor.departmentPath) ? null : actor.id;
}

/**
 * Whether the actor's lists are best found by walking a sort index (admins, managers of a
 * subtree: a big share of all rows) rather than collected through the access rule's index arms
 * (one owner's few thousand); list sources' `walksSortIndex`.
 */
export function seesManyOwners(_db: Knex, actor: Actor): boolean {
  return soleOwnerOf(actor) === null;
}

export function customerAccess(db: Knex, actor: Actor, tableAlias = 'c'): CustomerAccess {
  const c = checkAlias(tableAlias);
  const admin = actor.role === 'admin';
  const subtree = actor.role === 'manager' && Boolean(actor.departmentPath);
  const owners = () => editableOwners(db, actor);
  const ownsRow = (): Knex.Raw => db.raw(`${c}.owner_id = ANY(?)`, [owners()]);
  // Share rows `s` that reach the actor: their own, and (in a department) those of their department
  // and the departments above it. Each arm is an index condition (user rows: customer_shares_user,
  // _user_row; department rows: customer_shares_department, _department_row), so the OR is a
  // BitmapOr; without a department there is no second arm.
  const lineage = departmentLineage(actor);
  const reachesActor = (): Knex.Raw => (lineage.length
    ? db.raw('(s.user_id = ? OR s.department_id = ANY(?::bigint[]))', [actor.id, lineage])
    : db.raw('s.user_id = ?', [actor.id]));
  const sharedWith = (infoType?: InfoType): Knex.Raw =>
    infoType
      ? db.raw(`EXISTS (SELECT 1 FROM customer_shares s WHERE s.customer_id = ${c}.id AND ? AND ? = ANY(s.info_types))`, [reachesActor(), infoType])
      : db.raw(`EXISTS (SELECT 1 FROM customer_shares s WHERE s.customer_id = ${c}.id AND ?)`, [reachesActor()]);
  // Arrays (InitPlans, run once) so that each is an index condition on customers_pkey.
  const shared = (): Knex.Raw => db.raw(`${c}.id = ANY(ARRAY(SELECT s.customer_id FROM customer_shares s WHERE ?))`, [reachesActor()]);
  const owned = (): Knex.Raw => db.raw(`${c}.id = ANY(ARRAY(SELECT o.customer_id FROM customer_owners o WHERE o.owner_id = ANY(?)))`, [owners()]);
  const pool = `(${c}.in_pool AND ${c}.deleted_at IS NULL)`;
  // customers has no index on in_pool (pool moves stay HOT, migration 0020): its index is customer_pool_members.
  const pooled = (): Knex.Raw => db.raw(`${c}.id = ANY(ARRAY(SELECT p.customer_id FROM customer_pool_members p))`);
  const readable = (): Knex.Raw => {
    if (admin) return db.raw('TRUE');
    const byRow = db.raw(`(? OR ? OR ${pool})`, [ownsRow(), shared()]);
    // The second OR is the same set (the mirror is exact), for Postgres to find it by.
    return subtree ? byRow : db.raw('(? AND (? OR ? OR ?))', [byRow, pooled(), shared(), owned()]);
  };
  return {
    editable: () => (admin ? db.raw('TRUE')
      : db.raw(`EXISTS (SELECT 1 FROM customer_owners o WHERE o.customer_id = ${c}.id AND o.owner_id = ANY(?))`, [owners()])),
    editableRow: () => (admin ? db.raw('TRUE') : ownsRow()),
    readable,
    infoVisible: (infoType) => (admin ? db.raw('TRUE') : db.raw('(? OR ?)', [ownsRow(), sharedWith(infoType)])),
    visibleInfoTypes: () => {
      const every = db.raw(`ARRAY[${infoTypes.map(() => '?').join(', ')}]::text[]`, [...infoTypes]);
      if (admin) return every;
      return db.raw(`CASE WHEN ? THEN ? ELSE ARRAY(SELECT DISTINCT t FROM customer_shares s CROSS JOIN unnest(s.info_types) AS t
        WHERE s.customer_id = ${c}.id AND ?) END`, [ownsRow(), every, reachesActor()]);
    },
    level: () => db.raw(`CASE WHEN ? THEN 'edit' WHEN ? THEN 'read' WHEN ${c}.in_pool THEN 'pool' END`, [admin ? db.raw('TRUE') : ownsRow(), sharedWith()]),
    readsEveryCustomer: admin,
    soleOwnerId: soleOwnerOf(actor),
    infoCandidateIds: admin || subtree ? null : () => db.raw(
      'ARRAY(SELECT o.customer_id FROM customer_owners o WHERE o.owner_id = ANY(?) UNION ALL SELECT s.customer_id FROM customer_shares s WHERE ?)', [owners(), reachesActor()]),
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
