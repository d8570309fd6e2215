import { isDeepStrictEqual } from 'node:util';
import type { Knex } from 'knex';
import type { PoolSettings, PoolSettingsBody, PoolSettingsView } from '../../../shared/schemas/pool';
import type { Actor } from '../../access/actor';
import { writeAudit } from '../audit/writeAudit';
import { readSettings, writeSettings } from '../settings/service';
import { recomputePoolDue } from './poolDue';
import { poolJobNames, poolSettings } from './poolSettings';

const iso = (at: Date | null) => (at ? at.toISOString() : null);

/**
 * GET /api/pool/settings: the settings, whether the schedule runs (the `pool-run` job row is
 * enabled), its next run, and the last real run (scheduled or Reset) with how many it moved.
 */
export async function readPoolSettings(db: Knex): Promise<PoolSettingsView> {
  const settings = await readSettings(db, poolSettings);
  const job = await db('scheduled_jobs').where({ name: poolJobNames.run }).first('enabled', 'next_run_at');
  const last = await db('pool_runs').orderBy('ran_at', 'desc').orderBy('id', 'desc').first('ran_at', 'moved');
  const running = Boolean(job?.enabled);
  return {
    ...settings,
    running,
    nextRunAt: running ? iso(job.next_run_at) : null,
    lastRunAt: iso(last?.ran_at ?? null),
    lastRunMoved: last ? last.moved : null,
  };
}

/**
 * PUT (admins, audited): the settings; extras left out keep their values and the GET-only state
 * fields are ignored. The schedule takes the new interval from its next run on, and when the rules
 * changed the days left of every customer are recomputed under them, in the same transaction.
 */
export async function savePoolSettings(trx: Knex, actor: Actor, body: PoolSettingsBody): Promise<PoolSettingsView> {
  const current = await readSettings(trx, poolSettings);
  const next: PoolSettings = {
    rules: body.rules, claimLimit: body.claimLimit, intervalMinutes: body.intervalMinutes,
    claimCooldownDays: body.claimCooldownDays ?? current.claimCooldownDays,
    reminderDaysBefore: body.reminderDaysBefore ?? current.reminderDaysBefore,
  };
  await writeSettings(trx, actor, poolSettings, next);
  await trx('scheduled_jobs').where({ name: poolJobNames.run }).update({
    interval_seconds: next.intervalMinutes * 60,
    next_run_at: trx.raw(`least(next_run_at, now() + make_interval(mins => ?))`, [next.intervalMinutes]),
  });
  // 13 s at 1M customers: only when the rules changed, not for the limit or the interval.
  if (!isDeepStrictEqual(current.rules, next.rules)) await recomputePoolDue(trx, next.rules);
  return readPoolSettings(trx);
}

/** Start / Stop (admins, audited): the schedule runs every intervalMinutes from now, or not at all. */
export async function setPoolRunning(trx: Knex, actor: Actor, running: boolean): Promise<PoolSettingsView> {
  const { intervalMinutes } = await readSettings(trx, poolSettings);
  await trx('scheduled_jobs').insert({ name: poolJobNames.run, interval_seconds: intervalMinutes * 60, enabled: running })
    .onConflict('name').merge({
      enabled: running, interval_seconds: intervalMinutes * 60,
      next_run_at: trx.raw(`now() + make_interval(mins => ?)`, [intervalMinutes]),
    });
  await writeAudit(trx, actor.id, running ? 'pool_start' : 'pool_stop', 'settings', [], { key: poolSettings.key, intervalMinutes });
  return readPoolSettings(trx);
}
