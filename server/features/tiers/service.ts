import type { Knex } from 'knex';
import type { CreateTierBody, TierSettings, TierWriteResult, UpdateTierBody } from '../../../shared/schemas/tiers';
import type { Actor } from '../../access/actor';
import { badRequest, notFound } from '../../errors';
import { writeAudit } from '../audit/writeAudit';
import { readSettings, writeSettings } from '../settings/service';
import { repriceOpenLines } from './reprice';
import { listTiers, lockTiers, recomputeTiers } from './repository';
import { tierSettings } from './tierSettings';

type Threshold = { min_amount: number | null; min_contracts: number | null };

/** The threshold a body sets (undefined: unchanged): exactly one kind, contract counts only under basis revenue. */
function thresholdOf(body: UpdateTierBody, settings: TierSettings, required: boolean): Threshold | undefined {
  const hasAmount = body.minAmount !== undefined;
  const hasContracts = body.minContracts !== undefined;
  if (hasAmount && hasContracts) throw badRequest('Give either minAmount or minContracts, not both', 'minContracts');
  if (!hasAmount && !hasContracts) {
    if (required) throw badRequest('Give minAmount or minContracts', 'minAmount');
    return undefined;
  }
  if (hasContracts && settings.basis === 'payment') throw badRequest('Under basis payment a tier has a minimum paid amount (minAmount)', 'minContracts');
  return { min_amount: body.minAmount ?? null, min_contracts: body.minContracts ?? null };
}

/**
 * After a tier changed: everyone's tier when auto-update is on and the change can move customers
 * (a threshold or discount, not a rename), then the optional re-pricing.
 */
async function settle(trx: Knex, actor: Actor, action: string, tierId: number, body: UpdateTierBody, settings: TierSettings): Promise<TierWriteResult> {
  const movesCustomers = body.minAmount !== undefined || body.minContracts !== undefined || body.discountPercent !== undefined;
  const changed = settings.autoUpdate && movesCustomers ? await recomputeTiers(trx) : 0;
  const [tier] = await listTiers(trx, actor, tierId);
  const repricedLines = body.applyToExistingItems ? await repriceOpenLines(trx, tierId, tier.discountPercent) : 0;
  await writeAudit(trx, actor.id, action, 'tier', [tierId], { ...body, customersChanged: changed, repricedLines });
  return { ...tier, repricedLines };
}

export async function createTier(trx: Knex, actor: Actor, body: CreateTierBody): Promise<TierWriteResult> {
  await lockTiers(trx);
  const settings = await readSettings(trx, tierSettings);
  const threshold = thresholdOf(body, settings, true)!;
  const [row] = await trx('tiers').insert({ name: body.name.trim(), discount_percent: body.discountPercent, ...threshold }, ['id']);
  return settle(trx, actor, 'create', row.id, body, settings);
}

export async function updateTier(trx: Knex, actor: Actor, id: number, body: UpdateTierBody): Promise<TierWriteResult> {
  await lockTiers(trx);
  const settings = await readSettings(trx, tierSettings);
  if (!(await trx('tiers').where({ id }).forUpdate().first('id'))) throw notFound('Tier');
  const values = {
    ...thresholdOf(body, settings, false),
    ...(body.name !== undefined && { name: body.name.trim() }),
    ...(body.discountPercent !== undefined && { discount_percent: body.discountPercent }),
  };
  if (Object.keys(values).length) await trx('tiers').where({ id }).update({ ...values, updated_at: trx.fn.now() });
  return settle(trx, actor, 'update', id, body, settings);
}

/** Its customers lose the tier (those in the recycle bin too: the foreign key); with auto-update on they get their tier again. */
export async function deleteTier(trx: Knex, actor: Actor, id: number): Promise<void> {
  await lockTiers(trx);
  if (!(await trx('tiers').where({ id }).forUpdate().first('id'))) throw notFound('Tier');
  const cleared = await trx('customers').whereIn('id', trx('customer_tiers').where({ tier_id: id }).select('customer_id')).update({ tier_id: null });
  await trx('customers').whereNotNull('deleted_at').where({ tier_id: id }).update({ tier_id: null });
  await trx('tiers').where({ id }).delete();
  const { autoUpdate } = await readSettings(trx, tierSettings);
  const changed = autoUpdate ? await recomputeTiers(trx) : 0;
  await writeAudit(trx, actor.id, 'delete', 'tier', [id], { customersCleared: cleared, customersChanged: changed });
}

/** `POST /api/tiers/recompute` and the nightly job: everyone's tier from the current settings, auto-update or not. */
export async function recomputeAllTiers(trx: Knex, actor: Actor): Promise<{ changed: number }> {
  await lockTiers(trx);
  const changed = await recomputeTiers(trx);
  await writeAudit(trx, actor.id, 'recompute', 'tier', [], { changed });
  return { changed };
}

/** A new basis, or auto-update turned on, recomputes at once while auto-update is on. */
export async function writeTierSettings(trx: Knex, actor: Actor, body: TierSettings): Promise<TierSettings> {
  await lockTiers(trx);
  const before = await readSettings(trx, tierSettings);
  const settings = await writeSettings(trx, actor, tierSettings, body);
  if (settings.autoUpdate && (!before.autoUpdate || before.basis !== settings.basis)) await recomputeAllTiers(trx, actor);
  return settings;
}
