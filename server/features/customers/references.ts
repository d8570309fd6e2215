import type { Knex } from 'knex';
import type { Actor } from '../../access/actor';
import { ownerAssignable } from '../../access/customerAccess';
import { badRequest, forbidden } from '../../errors';
import { isCareStatus } from '../classification/service';
import { activeUserIds } from '../users/repository';

/** Checks that the type, groups, owner, assigned users and care status a customer form names exist and may be used. */
export async function checkCustomerReferences(
  trx: Knex,
  actor: Actor,
  refs: { typeId?: number | null; groupIds?: number[]; ownerId?: number; assignedUserIds?: number[]; careStatus?: string | null; tierId?: number | null },
): Promise<void> {
  if (refs.careStatus != null && !(await isCareStatus(trx, refs.careStatus.trim()))) {
    throw badRequest('Care status is not in the list (Thiết lập > Tình trạng chăm sóc)', 'careStatus');
  }
  if (refs.typeId != null) {
    const type = await trx('customer_types').where({ id: refs.typeId }).whereNull('deleted_at').first('id');
    if (!type) throw badRequest('Customer type does not exist', 'typeId');
  }
  if (refs.groupIds?.length) await checkGroups(trx, refs.groupIds);
  // A tier carries a discount: staff do not pick their customers' tiers (C4).
  if (refs.tierId !== undefined && actor.role === 'staff') throw forbidden('Only managers and admins set a tier by hand');
  if (refs.tierId != null && !(await trx('tiers').where({ id: refs.tierId }).first('id'))) throw badRequest('Tier does not exist', 'tierId');
  if (refs.ownerId !== undefined && !(await ownerAssignable(trx, actor, refs.ownerId))) {
    const exists = await activeUserIds(trx, [refs.ownerId]);
    if (exists.length === 0) throw badRequest('Owner is not an active user', 'ownerId');
    throw forbidden('You may not give customers to that user');
  }
  if (refs.assignedUserIds?.length) {
    const active = await activeUserIds(trx, refs.assignedUserIds);
    if (active.length < refs.assignedUserIds.length) throw badRequest('An assigned user is not an active user', 'assignedUserIds');
  }
}

export async function checkGroups(trx: Knex, groupIds: number[]): Promise<void> {
  const [row] = await trx('customer_groups').whereIn('id', groupIds).whereNull('deleted_at').count<{ n: number }[]>('* as n');
  if (Number(row.n) < groupIds.length) throw badRequest('A customer group does not exist', 'groupIds');
}
