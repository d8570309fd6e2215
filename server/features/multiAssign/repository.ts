import type { Knex } from 'knex';
import { multiAssignCareStatus, type MultiAssignRule } from '../../../shared/schemas/multiAssign';
import type { Actor } from '../../access/actor';
import { managedBy } from '../../access/managedBy';
import { notFound } from '../../errors';

type RuleRow = {
  id: number; name: string; assignee_id: number; assignee_name: string; campaign_id: number; campaign_name: string;
  user_ids: number[]; users: { id: number; fullName: string }[]; active: boolean; interval_minutes: number;
  last_run_at: Date | null; last_run_count: number | null; next_run_at: Date | null; pending_count: number;
  created_by: number | null; created_at: Date;
};

function toRule(row: RuleRow): MultiAssignRule {
  return {
    id: row.id, name: row.name, assigneeId: row.assignee_id, assigneeName: row.assignee_name, campaignId: row.campaign_id,
    campaignName: row.campaign_name, userIds: row.user_ids.map(Number), users: row.users, active: row.active,
    intervalMinutes: row.interval_minutes, lastRunAt: row.last_run_at?.toISOString() ?? null, lastRunCount: row.last_run_count,
    nextRunAt: row.next_run_at?.toISOString() ?? null, pendingCount: row.pending_count, createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
  };
}

/** A rule is managed by the managers of its assignee (Chỉ định cho) and by admins. */
const managesRule = (db: Knex, actor: Actor) => managedBy(db, actor, 'x.assignee_id');

/** The live rules the actor manages, by name; or the one with `id`. */
export async function listRules(db: Knex, actor: Actor, id?: number): Promise<MultiAssignRule[]> {
  const rows: RuleRow[] = await db('multi_assign_rules as x')
    .join('users as a', 'a.id', 'x.assignee_id')
    .join('campaigns as cp', 'cp.id', 'x.campaign_id')
    .whereNull('x.deleted_at')
    .where(managesRule(db, actor))
    .modify((q) => { if (id !== undefined) q.where('x.id', id); })
    .orderByRaw('x.name COLLATE "vi-VN-x-icu", x.id')
    .select(
      'x.id', 'x.name', 'x.assignee_id', 'a.full_name as assignee_name', 'x.campaign_id', 'cp.name as campaign_name', 'x.user_ids',
      'x.active', 'x.interval_minutes', 'x.last_run_at', 'x.last_run_count', 'x.created_by', 'x.created_at',
      db.raw(`(SELECT coalesce(json_agg(json_build_object('id', u.id, 'fullName', u.full_name) ORDER BY t.ord), '[]')
                 FROM unnest(x.user_ids) WITH ORDINALITY AS t(id, ord) JOIN users u ON u.id = t.id) AS users`),
      // The scheduler's job looks for due rules every minute; an overdue rule runs at its next look.
      db.raw(`CASE WHEN x.active THEN greatest(coalesce(x.last_run_at + make_interval(mins => x.interval_minutes), now()), now()) END AS next_run_at`),
      db.raw(`(SELECT count(*)::int FROM campaign_members m JOIN customers c ON c.id = m.customer_id
                WHERE m.campaign_id = x.campaign_id AND c.care_status = ? AND c.deleted_at IS NULL) AS pending_count`, [multiAssignCareStatus.pending]),
    );
  return rows.map(toRule);
}

/** Locks a live rule the actor manages, for a change or a run; rules they do not manage are invisible to them (404). */
export async function lockManagedRule(trx: Knex, actor: Actor, id: number): Promise<void> {
  const row = await trx('multi_assign_rules as x').where('x.id', id).whereNull('x.deleted_at').where(managesRule(trx, actor)).forUpdate().first('x.id');
  if (!row) throw notFound('Multi-assign rule');
}

/** Active rules whose interval has passed as of `asOf` (never run: due at once), oldest run first; rules of a disabled assignee wait. */
export async function dueRuleIds(db: Knex, asOf: Date): Promise<number[]> {
  const rows = await db('multi_assign_rules as x')
    .join('users as a', 'a.id', 'x.assignee_id')
    .where('x.active', true).whereNull('x.deleted_at').where('a.active', true)
    .whereRaw('(x.last_run_at IS NULL OR x.last_run_at + make_interval(mins => x.interval_minutes) <= ?)', [asOf])
    .orderByRaw('x.last_run_at NULLS FIRST, x.id')
    .select('x.id');
  return rows.map((row) => row.id as number);
}
