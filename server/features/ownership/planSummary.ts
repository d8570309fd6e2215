import type { Knex } from 'knex';
import type { TransferPreview } from '../../../shared/schemas/ownership';
import type { Recipient } from './recipients';

/** Customers named per recipient in the preview and the result panel. */
const firstCustomersShown = 5;

/** The plan of `transfer_plan` as the API answers it: every assignment in order, and per recipient a count and the first few customers. */
export async function planSummary(trx: Knex, recipients: Recipient[]): Promise<Omit<TransferPreview, 'touches'>> {
  const assignments = await trx('transfer_plan').orderBy('pos').select('customer_id as customerId', 'owner_id as ownerId');
  const { rows } = await trx.raw<{ rows: { owner_id: number; n: number; first: { id: number; code: string; name: string }[] }[] }>(
    `SELECT p.owner_id, count(*)::int AS n,
            (SELECT json_agg(json_build_object('id', c.id, 'code', c.code, 'name', c.name) ORDER BY f.pos)
               FROM (SELECT f.customer_id, f.pos FROM transfer_plan f WHERE f.owner_id = p.owner_id ORDER BY f.pos LIMIT ?) f
               JOIN customers c ON c.id = f.customer_id) AS first
       FROM transfer_plan p GROUP BY p.owner_id`,
    [firstCustomersShown],
  );
  const byOwner = new Map(rows.map((row) => [row.owner_id, row]));
  return {
    total: assignments.length,
    assignments,
    recipients: recipients.map((recipient) => ({
      userId: recipient.id,
      fullName: recipient.fullName,
      count: byOwner.get(recipient.id)?.n ?? 0,
      firstCustomers: byOwner.get(recipient.id)?.first ?? [],
    })),
  };
}
