import type { Knex } from 'knex';
import type { PoolClaimBody, PoolClaimResult, PoolClaimsToday } from '../../../shared/schemas/pool';
import type { Actor } from '../../access/actor';
import { AppError, conflict } from '../../errors';
import { changeOwners } from '../ownership/changeOwners';
import { readSettings } from '../settings/service';
import { alreadyClaimed, createPoolSelection } from './poolSelection';
import { poolSettings } from './poolSettings';

/** POOL_CLAIM_LIMIT carries how many the user may still claim today (`error.remaining`). */
export class PoolClaimLimitError extends AppError {
  constructor(readonly remaining: number, asked: number) {
    super(409, 'POOL_CLAIM_LIMIT', remaining === 0
      ? 'Bạn đã nhận đủ số khách hàng được phép trong hôm nay; chưa nhận khách hàng nào'
      : `Hôm nay bạn chỉ còn được nhận ${remaining} khách hàng (đã chọn ${asked}); chưa nhận khách hàng nào`);
  }
}

/** Claims since the start of today in Asia/Ho_Chi_Minh. */
async function claimedToday(trx: Knex, userId: number): Promise<number> {
  const row = await trx('pool_claims').where({ user_id: userId })
    .where('claimed_at', '>=', trx.raw(`crm_vn_day(now())::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`))
    .first(trx.raw('count(*)::int AS n'));
  return row.n;
}

/** GET /api/pool/claims/today for the caller. */
export async function claimsToday(db: Knex, actor: Actor): Promise<PoolClaimsToday> {
  const { claimLimit } = await readSettings(db, poolSettings);
  const claimed = await claimedToday(db, actor.id);
  const perDay = claimLimit.enabled ? claimLimit.perDay : null;
  return { claimedToday: claimed, perDay, remaining: perDay === null ? null : Math.max(0, perDay - claimed) };
}

const vnDate = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });

/** A customer the pool took from the actor fewer than `days` days ago refuses the claim, naming when it may be claimed. */
async function refuseCooldown(trx: Knex, actor: Actor, days: number): Promise<void> {
  if (days <= 0) return;
  const row = await trx.raw<{ rows: { until: Date | null; n: number }[] }>(
    `SELECT max(h.at + make_interval(days => ?)) AS until, count(DISTINCT h.customer_id)::int AS n
       FROM pool_selection s JOIN ownership_history h ON h.customer_id = s.id
      WHERE h.reason = 'pool' AND h.from_user_id = ? AND h.at > now() - make_interval(days => ?)`,
    [days, actor.id, days],
  );
  const { until, n } = row.rows[0];
  if (until) {
    throw conflict('POOL_COOLDOWN', `${n} khách hàng vừa được chuyển từ bạn vào Khách hàng chung; bạn có thể nhận lại từ ngày ${vnDate.format(until)}`);
  }
}

/**
 * SPEC P1/P3: the caller becomes the owner of the chosen pool customers, all or nothing, in the
 * caller's transaction. One claim per user at a time (an advisory lock), so the daily limit —
 * counted from `pool_claims` over today's calendar day in Asia/Ho_Chi_Minh — holds under
 * concurrent requests too. The owner changes through changeOwners ('claim', only customers still
 * in the pool): of two users claiming a customer at once the second finds it gone, and the whole
 * claim is refused with POOL_ALREADY_CLAIMED.
 *
 * Past activities: the claimer is now the owner, and the access rules let the owner see every
 * record of the customer (`infoVisible` tests the customer's owner, not the record's), so the
 * previous owner's activities, contracts, … show at once without moving or sharing them.
 */
export async function claimFromPool(trx: Knex, actor: Actor, body: PoolClaimBody): Promise<PoolClaimResult> {
  await trx.raw(`SELECT pg_advisory_xact_lock(hashtext('crm_pool_claim'), ?::int)`, [actor.id]);
  const settings = await readSettings(trx, poolSettings);
  const asked = await createPoolSelection(trx, body);
  await refuseCooldown(trx, actor, settings.claimCooldownDays);
  const limit = settings.claimLimit.enabled ? settings.claimLimit.perDay : null;
  const before = limit === null ? 0 : await claimedToday(trx, actor.id);
  if (limit !== null && before + asked > limit) throw new PoolClaimLimitError(Math.max(0, limit - before), asked);

  const { changed } = await changeOwners(trx, actor,
    { source: trx.raw('SELECT id AS customer_id, ?::bigint AS owner_id, NULL::integer AS expected_version FROM pool_selection', [actor.id]) },
    'claim', { pool: 'leave', link: '/customers' });
  if (changed < asked) throw alreadyClaimed(asked - changed);
  await trx.raw('INSERT INTO pool_claims (user_id, customer_id) SELECT ?, customer_id FROM owner_changes', [actor.id]);
  const ids = (await trx('owner_changes').orderBy('customer_id').limit(10000).pluck('customer_id')).map(Number);
  return { claimed: changed, customerIds: ids, remainingToday: limit === null ? null : limit - before - changed };
}
