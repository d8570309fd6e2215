import type { Knex } from 'knex';
import type { CustomerFilter } from '../../../shared/schemas/customers';
import type { Actor } from '../../access/actor';
import { customerAccess } from '../../access/customerAccess';
import { AppError, badRequest, forbidden } from '../../errors';
import { applyCustomerFilter } from './filters';

export type Selection = { customerIds?: number[]; filter?: CustomerFilter; excludeIds?: number[] };

/**
 * The ids a bulk action may change, as a subquery. Explicit ids are all-or-nothing: an id the
 * actor cannot see refuses the whole request with 404 (as for one record), one they may only
 * read with 403. A filter ("select all matching") takes the
 * matching customers the actor can edit.
 */
export async function editableSelection(trx: Knex, actor: Actor, selection: Selection): Promise<{ query: Knex.QueryBuilder }> {
  const access = customerAccess(trx, actor);
  if (selection.customerIds) {
    const ids = selection.customerIds;
    const [row] = await trx('customers as c')
      .whereRaw('c.id = ANY(?::bigint[])', [ids])
      .whereNull('c.deleted_at')
      .select(
        trx.raw('count(*) FILTER (WHERE ?)::int AS found', [access.readable()]),
        trx.raw('count(*) FILTER (WHERE ?)::int AS editable', [access.editable()]),
      );
    if (row.found < ids.length) throw new AppError(404, 'NOT_FOUND', `${ids.length - row.found} of the selected customers do not exist`);
    if (row.editable < ids.length) throw forbidden(`You may not change ${ids.length - row.editable} of the selected customers`);
    // Wrapped: an async function returning a knex builder would run it.
    return { query: trx('customers as c').whereRaw('c.id = ANY(?::bigint[])', [ids]).select('c.id') };
  }
  if (!selection.filter) throw badRequest('Give customerIds or filter', 'customerIds');
  const query = trx('customers as c').select('c.id');
  applyCustomerFilter(query, selection.filter);
  query.where(access.editable());
  if (selection.excludeIds?.length) query.whereRaw('NOT (c.id = ANY(?::bigint[]))', [selection.excludeIds]);
  return { query };
}
