import type { Knex } from 'knex';
import type { PoolAddBody, PoolAssignBody } from '../../../shared/schemas/pool';
import type { Actor } from '../../access/actor';
import { customerAccess, ownerAssignable } from '../../access/customerAccess';
import { AppError, forbidden } from '../../errors';
import { applyCustomerFilter } from '../customers/filters';
import { changeOwners } from '../ownership/changeOwners';
import { alreadyClaimed, createPoolSelection, noSelection } from './poolSelection';
import { poolListLink } from './runPool';

const managersOnly = (actor: Actor) => {
  if (actor.role === 'staff') throw forbidden('Chỉ quản lý và quản trị viên được chuyển khách hàng vào hoặc ra khỏi Khách hàng chung');
};

/**
 * The owned customers `add` moves: explicit ids all-or-nothing (unknown or deleted: 404; one the
 * caller may not edit — another department's, a pool customer for a manager: 403), or every
 * editable owned customer matching the filter.
 */
function addSource(trx: Knex, actor: Actor, body: PoolAddBody): Knex.QueryBuilder {
  const query = trx('customers as c').whereNotNull('c.owner_id').where(customerAccess(trx, actor).editable()).select('c.id');
  if (body.customerIds) return query.whereRaw('c.id = ANY(?::bigint[])', [body.customerIds]).whereNull('c.deleted_at');
  if (!body.filter) throw noSelection();
  applyCustomerFilter(query, { ...body.filter, inPool: false });
  if (body.excludeIds?.length) query.whereRaw('NOT (c.id = ANY(?::bigint[]))', [body.excludeIds]);
  return query;
}

async function checkAddIds(trx: Knex, actor: Actor, ids: number[]): Promise<void> {
  const [row] = await trx('customers as c').whereRaw('c.id = ANY(?::bigint[])', [ids]).whereNull('c.deleted_at')
    .select(trx.raw('count(*)::int AS found'), trx.raw('count(*) FILTER (WHERE c.owner_id IS NOT NULL AND ?)::int AS editable', [customerAccess(trx, actor).editable()]));
  if (row.found < ids.length) throw new AppError(404, 'NOT_FOUND', `${ids.length - row.found} khách hàng đã chọn không tồn tại`);
  if (row.editable < ids.length) throw forbidden(`Bạn không được chuyển ${ids.length - row.editable} khách hàng đã chọn vào Khách hàng chung`);
}

/** POST /api/pool/add: managers and admins put customers they may edit into the pool by hand (changeOwners 'pool'). */
export async function addToPool(trx: Knex, actor: Actor, body: PoolAddBody): Promise<{ moved: number }> {
  managersOnly(actor);
  if (body.customerIds) await checkAddIds(trx, actor, body.customerIds);
  const source = addSource(trx, actor, body);
  const { changed } = await changeOwners(trx, actor,
    { source: trx.raw('SELECT s.id AS customer_id, NULL::bigint AS owner_id, NULL::integer AS expected_version FROM (?) AS s', [source]) },
    'pool', { pool: 'enter', lostLink: poolListLink, detail: { manual: true, filter: body.filter ?? null } });
  return { moved: changed };
}

/**
 * POST /api/pool/assign: managers and admins give pool customers to an owner they may assign
 * (`ownerAssignableUsers`), all or nothing; the owner hears of it like a transfer.
 */
export async function assignFromPool(trx: Knex, actor: Actor, body: PoolAssignBody): Promise<{ assigned: number }> {
  managersOnly(actor);
  if (!(await ownerAssignable(trx, actor, body.ownerId))) {
    throw new AppError(403, 'FORBIDDEN', 'Bạn không được giao khách hàng cho người dùng này', 'ownerId');
  }
  const asked = await createPoolSelection(trx, body);
  const { changed } = await changeOwners(trx, actor,
    { source: trx.raw('SELECT id AS customer_id, ?::bigint AS owner_id, NULL::integer AS expected_version FROM pool_selection', [body.ownerId]) },
    'transfer', { pool: 'leave', link: '/customers', detail: { fromPool: true, filter: body.filter ?? null } });
  if (changed < asked) throw alreadyClaimed(asked - changed);
  return { assigned: changed };
}
