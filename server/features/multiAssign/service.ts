import type { Knex } from 'knex';
import type { CreateMultiAssignRuleBody, MultiAssignRule, UpdateMultiAssignRuleBody } from '../../../shared/schemas/multiAssign';
import type { Actor } from '../../access/actor';
import { managedBy } from '../../access/managedBy';
import { AppError, badRequest } from '../../errors';
import { columnValues } from '../../db/columnValues';
import { writeAudit } from '../audit/writeAudit';
import { lockLiveCampaign } from '../campaigns/repository';
import { activeUserIds } from '../users/repository';
import { listRules, lockManagedRule } from './repository';

/**
 * The campaign must be live, the users active, and the assignee an active user the actor manages
 * (themself, their department subtree, anyone for admins): a run shares with the assignee's
 * access, so nobody can hand a rule a wider reach than their own.
 */
async function checkReferences(trx: Knex, actor: Actor, refs: { campaignId?: number; userIds?: number[]; assigneeId?: number }): Promise<void> {
  if (refs.campaignId !== undefined) await lockLiveCampaign(trx, refs.campaignId, 'campaignId');
  if (refs.userIds && (await activeUserIds(trx, refs.userIds)).length < refs.userIds.length) {
    throw badRequest('Every user of the rule must be an active user', 'userIds');
  }
  if (refs.assigneeId !== undefined) {
    const assignee = await trx('users as u').where('u.id', refs.assigneeId).where('u.active', true)
      .first(trx.raw('? AS manages', [managedBy(trx, actor, 'u.id')]));
    if (!assignee) throw badRequest('The assignee is not an active user', 'assigneeId');
    if (!assignee.manages) throw new AppError(403, 'FORBIDDEN', 'You may assign a rule only to yourself or to users of your department', 'assigneeId');
  }
}

const columnOf = { name: 'name', campaignId: 'campaign_id', userIds: 'user_ids', active: 'active', assigneeId: 'assignee_id', intervalMinutes: 'interval_minutes' } as const;

/** A new rule; the assignee defaults to its creator. Managers and admins only. */
export async function createRule(trx: Knex, actor: Actor, body: CreateMultiAssignRuleBody): Promise<MultiAssignRule> {
  const assigneeId = body.assigneeId ?? actor.id;
  await checkReferences(trx, actor, { ...body, assigneeId });
  const [row] = await trx('multi_assign_rules').insert({ ...columnValues(columnOf, { ...body, assigneeId }), created_by: actor.id }, ['id']);
  await writeAudit(trx, actor.id, 'create', 'multi_assign_rule', [row.id], { ...body, assigneeId });
  return (await listRules(trx, actor, row.id))[0];
}

export async function updateRule(trx: Knex, actor: Actor, id: number, body: UpdateMultiAssignRuleBody): Promise<MultiAssignRule> {
  await lockManagedRule(trx, actor, id);
  await checkReferences(trx, actor, body);
  await trx('multi_assign_rules').where({ id }).update({ ...columnValues(columnOf, body), updated_at: trx.fn.now() });
  await writeAudit(trx, actor.id, 'update', 'multi_assign_rule', [id], body);
  return (await listRules(trx, actor, id))[0];
}

/** Soft delete: the rule stops; what it shared stays shared (the Chia sẻ tab still names it). */
export async function deleteRule(trx: Knex, actor: Actor, id: number): Promise<void> {
  await lockManagedRule(trx, actor, id);
  await trx('multi_assign_rules').where({ id }).update({ deleted_at: trx.fn.now(), active: false, updated_at: trx.fn.now() });
  await writeAudit(trx, actor.id, 'delete', 'multi_assign_rule', [id]);
}
