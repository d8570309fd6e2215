import type { Knex } from 'knex';
import type { PoolAddBody, PoolAssignBody } from '../../../shared/schemas/pool';
import type { Actor } from '../../access/actor';
import { ownerAssignable } from '../../access/customerAccess';
import { AppError, forbidden } from '../../errors';
import { editableSelection } from '../customers/selection';
import { changeOwners } from '../ownership/changeOwners';
import { alreadyClaimed, createPoolSelection } from './poolSelection';
import { poolListLink } from './runPool';

const managersOnly = (actor: Actor) => {
  if (actor.role === 'staff') throw forbidden('Chỉ quản lý và quản trị viên được chuyển khách hàng vào hoặc ra khỏi Khách hàng chung');
};

/** POST /api/pool/add: managers and admins put customers they may edit into the pool by hand (changeOwners 'pool'). */
export async function addToPool(trx: Knex, actor: Actor, body: PoolAddBody): Promise<{ moved: number }> {
  managersOnly(actor);
  // The shared bulk selection (404 for ids the caller cannot see, 403 for ones they may not edit);
  // only owned customers outside the pool move.
  const { query } = await editableSelection(trx, actor, { ...body, filter: body.filter && { ...body.filter, inPool: false } });
  const source = query.whereNotNull('c.owner_id');
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
