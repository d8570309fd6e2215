import type { Knex } from 'knex';
import { infoTypes } from '../../../shared/schemas/enums';
import { multiAssignCareStatus, type MultiAssignRunResult } from '../../../shared/schemas/multiAssign';
import type { Actor } from '../../access/actor';
import { customerAccess } from '../../access/customerAccess';
import { userActor } from '../../access/userActor';
import { conflict, notFound } from '../../errors';
import { writeAudit } from '../audit/writeAudit';
import { writeNotifications } from '../notifications/writeNotifications';

export type RuleRunTrigger = 'manual' | 'schedule';

type RunRow = { shared: number; new_shares: number; per_user: { userId: number; count: number }[]; customer_ids: number[] | null };

/**
 * One run of a multi-assign rule (O4), the same for "Chạy ngay" and the scheduler: in the
 * caller's transaction, with the rule row locked (two runs of a rule take turns), the campaign's
 * pending members that the rule's assignee may edit move to `multi_assign_done` and are shared
 * read-only, every info type, with each active user of the rule (not with a customer's own
 * owner; a share a user already has from a rule is kept) — one statement. Then one notification
 * per user who got customers, the rule's last run, and an audit row by `actor` (the caller, or
 * the system user). A second run finds nothing pending and shares nothing.
 *
 * `schedule` runs only an active rule that is due as of `asOf` and answers null otherwise, so a
 * scheduler that listed it as due just before a "Chạy ngay" does not run it again. `asOf`
 * defaults to the database's now (the clock every process shares).
 */
export async function runMultiAssignRule(
  trx: Knex, actor: Actor, ruleId: number, trigger: RuleRunTrigger, asOf?: Date,
): Promise<MultiAssignRunResult | null> {
  asOf ??= (await trx.raw<{ rows: { now: Date }[] }>('SELECT now()')).rows[0].now;
  const rule = await trx('multi_assign_rules').where({ id: ruleId }).whereNull('deleted_at').forUpdate()
    .first('id', 'name', 'assignee_id', 'campaign_id', 'user_ids', 'active', trx.raw(
      '(last_run_at IS NULL OR last_run_at + make_interval(mins => interval_minutes) <= ?) AS due', [asOf]));
  if (!rule) throw notFound('Multi-assign rule');
  const id = rule.id as number;
  if (trigger === 'schedule' && !(rule.active && rule.due)) return null;
  const assignee = await userActor(trx, rule.assignee_id);
  if (!assignee?.active) throw conflict('ASSIGNEE_INACTIVE', 'The rule’s assignee is disabled; choose another assignee');

  const editable = customerAccess(trx, assignee).editable();
  const result = await trx.raw<{ rows: RunRow[] }>(
    `WITH flipped AS (
       UPDATE customers c SET care_status = ?, version = c.version + 1, updated_at = now(), updated_by = ?
         FROM campaign_members m
        WHERE m.campaign_id = ? AND m.customer_id = c.id AND c.care_status = ? AND c.deleted_at IS NULL AND ?
       RETURNING c.id, c.owner_id
     ), pairs AS (
       SELECT f.id AS customer_id, u.id AS user_id
         FROM flipped f CROSS JOIN users u
        WHERE u.id = ANY(?::bigint[]) AND u.active AND f.owner_id IS DISTINCT FROM u.id
     ), inserted AS (
       INSERT INTO customer_shares (customer_id, user_id, source, info_types, created_by, rule_id)
       SELECT customer_id, user_id, 'multi_assign', ?::text[], ?, ? FROM pairs
       ON CONFLICT (customer_id, user_id, source) WHERE user_id IS NOT NULL DO NOTHING
       RETURNING 1
     )
     SELECT (SELECT count(*)::int FROM flipped) AS shared,
            (SELECT count(*)::int FROM inserted) AS new_shares,
            (SELECT coalesce(json_agg(json_build_object('userId', p.user_id, 'count', p.n) ORDER BY p.user_id), '[]')
               FROM (SELECT user_id, count(*)::int AS n FROM pairs GROUP BY user_id) p) AS per_user,
            (SELECT array_agg(id) FROM (SELECT id FROM flipped LIMIT 1001) x) AS customer_ids`,
    [multiAssignCareStatus.done, actor.id, rule.campaign_id, multiAssignCareStatus.pending, editable, rule.user_ids, [...infoTypes], actor.id, id],
  );
  const run = result.rows[0];
  const skipped = Number((await trx('campaign_members as m').join('customers as c', 'c.id', 'm.customer_id')
    .where({ 'm.campaign_id': rule.campaign_id, 'c.care_status': multiAssignCareStatus.pending }).whereNull('c.deleted_at')
    .first(trx.raw('count(*)::int AS n'))).n);

  await writeNotifications(trx, run.per_user.map(({ userId, count }) => ({
    userId,
    kind: 'multi_assign_shared' as const,
    title: `Bạn được chia sẻ ${count.toLocaleString('vi-VN')} khách hàng theo quy tắc “${rule.name}”`,
    data: { count, ruleId: id, ruleName: rule.name },
    link: `/customers?campaign=${rule.campaign_id}`,
  })));
  const [ran] = await trx('multi_assign_rules').where({ id }).update({ last_run_at: asOf, last_run_count: run.shared }, ['last_run_at']);
  const customerIds = run.customer_ids && run.customer_ids.length <= 1000 ? run.customer_ids.map(Number) : [];
  await writeAudit(trx, actor.id, 'multi_assign_run', 'customer', customerIds, {
    ruleId: id, trigger, shared: run.shared, newShares: run.new_shares, users: run.per_user.length, skipped,
  });
  return { shared: run.shared, users: run.per_user.length, newShares: run.new_shares, skipped, ranAt: (ran.last_run_at as Date).toISOString() };
}
