import type { Knex } from 'knex';
import type { TransferOwnerBody } from '../../../shared/schemas/ownership';
import type { Actor } from '../../access/actor';
import { editableSelection } from '../customers/selection';
import { customerSortModel } from '../customers/sorting';
import { orderBySql, parseSort } from '../../list/sortKeys';
import type { Recipient } from './recipients';

/**
 * The selected customers in transfer order, with their position and version: explicit ids in
 * the order given, a filter in the order of `sort` (default the grid's name order). Checks the
 * selection like every bulk action (an explicit id the actor may not edit refuses all).
 */
async function orderedSelection(trx: Knex, actor: Actor, body: TransferOwnerBody): Promise<{ query: Knex.Raw | Knex.QueryBuilder }> {
  const selection = await editableSelection(trx, actor, body);
  // Wrapped: an async function returning a knex query would run it.
  if (body.customerIds) {
    return { query: trx.raw(
      `SELECT (l.pos - 1)::int AS pos, c.id, c.version, count(*) OVER ()::int AS n
         FROM unnest(?::bigint[]) WITH ORDINALITY AS l(id, pos) JOIN customers c ON c.id = l.id`,
      [body.customerIds],
    ) };
  }
  return { query: selection.query.clearSelect().select(
    trx.raw('(row_number() OVER (ORDER BY ?) - 1)::int AS pos', [orderBySql(trx, parseSort(trx, customerSortModel(trx, actor), body.sort))]),
    'c.id', 'c.version', trx.raw('count(*) OVER ()::int AS n'),
  ) };
}

/**
 * Writes the temporary table `transfer_plan (pos, customer_id, owner_id, expected_version)`:
 * SPEC O1's even split, consecutive blocks in recipient order, the first n mod k recipients
 * getting ⌈n/k⌉ customers and the rest ⌊n/k⌋. Answers n.
 */
export async function buildTransferPlan(trx: Knex, actor: Actor, body: TransferOwnerBody, recipients: Recipient[]): Promise<number> {
  const k = recipients.length;
  const { query: selection } = await orderedSelection(trx, actor, body);
  await trx.raw('DROP TABLE IF EXISTS transfer_plan');
  // With q = n / k and r = n % k, positions below r·(q + 1) lie in blocks of q + 1, the rest in blocks of q.
  const created = await trx.raw(
    `CREATE TEMP TABLE transfer_plan ON COMMIT DROP AS
     SELECT s.pos, s.id AS customer_id, s.version AS expected_version,
            (?::bigint[])[1 + CASE WHEN s.pos < (s.n % ?) * (s.n / ? + 1) THEN s.pos / (s.n / ? + 1)
                                   ELSE s.n % ? + (s.pos - (s.n % ?) * (s.n / ? + 1)) / greatest(s.n / ?, 1) END] AS owner_id
       FROM (?) AS s`,
    [recipients.map((recipient) => recipient.id), k, k, k, k, k, k, k, selection],
  );
  await trx.raw('ALTER TABLE transfer_plan ADD PRIMARY KEY (customer_id)');
  await trx.raw('ANALYZE transfer_plan');
  return created.rowCount ?? 0;
}
