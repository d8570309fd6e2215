import type { Knex } from 'knex';
import type { TransferOwnerBody, TransferPreview, TransferResult } from '../../../shared/schemas/ownership';
import type { Actor } from '../../access/actor';
import { badRequest, conflict, forbidden } from '../../errors';
import { changeOwners } from './changeOwners';
import { planSummary } from './planSummary';
import { resolveRecipients, type Recipient } from './recipients';
import { buildTransferPlan } from './transferPlan';
import { applyTransferOptions, previewTransferOptions } from './transferOptions';

const optionNames = ['splitEvenly', 'transferOpenActivities', 'shareOldActivities', 'shareOldContracts', 'shareOldQuotes', 'shareOldOpportunities', 'shareOldOrders'] as const;

/** Who may transfer, to whom, and in which order the customers go: the checks preview and transfer share. */
async function plan(trx: Knex, actor: Actor, body: TransferOwnerBody): Promise<{ recipients: Recipient[]; total: number }> {
  if (actor.role === 'staff') throw forbidden('Only managers and admins transfer customers');
  const recipients = await resolveRecipients(trx, body);
  if (recipients.length > 1 && !body.splitEvenly) {
    throw badRequest(`${recipients.length} recipients: choose "split evenly" (Chia đều số lượng khách hàng) or a single recipient`, 'splitEvenly');
  }
  const total = await buildTransferPlan(trx, actor, body, recipients);
  return { recipients, total };
}

/** `POST /api/customers/transfer-owner/preview`: the plan and what the options would touch; changes nothing. */
export async function previewTransfer(trx: Knex, actor: Actor, body: TransferOwnerBody): Promise<TransferPreview> {
  const { recipients } = await plan(trx, actor, body);
  return { ...(await planSummary(trx, recipients)), touches: await previewTransferOptions(trx, body) };
}

/**
 * O1, all-or-nothing in the caller's transaction: the plan, a transfer batch recording every
 * customer's previous state (for undo), the owner change, and the options. A customer changed
 * by someone else between planning and moving refuses the whole transfer.
 */
export async function transferOwners(trx: Knex, actor: Actor, body: TransferOwnerBody): Promise<TransferResult> {
  const { recipients, total } = await plan(trx, actor, body);
  if (total === 0) throw badRequest('No customer you may change matches the selection', body.customerIds ? 'customerIds' : 'filter');
  const options = Object.fromEntries(optionNames.map((name) => [name, body[name] ?? false]));
  const [batch] = await trx('transfer_batches')
    .insert({ created_by: actor.id, customer_count: total, options: JSON.stringify({ ...options, recipientIds: recipients.map((r) => r.id) }) }, ['id']);
  const batchId = batch.id as number;
  const { changed } = await changeOwners(trx, actor, { source: trx.raw('SELECT customer_id, owner_id, expected_version FROM transfer_plan') }, 'transfer', {
    batchId, link: `/customers?batch=${batchId}`, detail: { options, recipientIds: recipients.map((r) => r.id), filter: body.filter ?? null },
  });
  if (changed < total) await refuseIfChangedMeanwhile(trx);
  await trx.raw(
    `INSERT INTO transfer_batch_customers (batch_id, customer_id, from_owner_id, from_previous_owner_id, from_assigned_at, to_owner_id, version_after)
     SELECT ?, customer_id, from_owner_id, from_previous_owner_id, from_assigned_at, to_owner_id, version_after FROM owner_changes`,
    [batchId],
  );
  await trx('transfer_batches').where({ id: batchId }).update({ customer_count: changed });
  const touches = await applyTransferOptions(trx, body, batchId);
  return { batchId, ...(await planSummary(trx, recipients)), touches };
}

/** Planned customers left unchanged other than for already having their new owner were changed or deleted meanwhile. */
async function refuseIfChangedMeanwhile(trx: Knex): Promise<void> {
  const { rows } = await trx.raw(
    `SELECT 1 FROM transfer_plan p JOIN customers c ON c.id = p.customer_id
      WHERE NOT EXISTS (SELECT 1 FROM owner_changes o WHERE o.customer_id = p.customer_id)
        AND (c.deleted_at IS NOT NULL OR c.version <> p.expected_version) LIMIT 1`,
  );
  if (rows.length) throw conflict('CONCURRENT_CHANGE', 'Some of these customers were changed by someone else meanwhile; nothing was transferred, try again');
}
