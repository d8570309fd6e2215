import type { Knex } from 'knex';
import type { CustomerFilter } from '../../../shared/schemas/customers';
import { AppError, badRequest, conflict } from '../../errors';
import { applyCustomerFilter } from '../customers/filters';
import type { Selection } from '../customers/selection';

/** A bulk body without customerIds or filter. */
export const noSelection = () => badRequest('Chọn khách hàng (customerIds) hoặc bộ lọc (filter)', 'customerIds');

/** Someone else took `count` of the chosen customers out of the pool first: nothing is claimed. */
export const alreadyClaimed = (count: number) =>
  conflict('POOL_ALREADY_CLAIMED', `${count} khách hàng đã được người khác nhận trước; chưa nhận khách hàng nào, vui lòng tải lại danh sách`);

/**
 * The pool customers a claim or an assignment takes, as the temp table `pool_selection (id)`.
 * Explicit ids are all-or-nothing: an unknown or deleted one is 404; one out of the pool is 409
 * POOL_ALREADY_CLAIMED when someone claimed it from the pool (the loser of a race that lost before
 * it started), else NOT_IN_POOL. A filter takes the pool customers matching it (everyone reads the
 * pool; none is a 400). Answers how many were selected.
 */
export async function createPoolSelection(trx: Knex, selection: Selection): Promise<number> {
  await trx.raw('DROP TABLE IF EXISTS pool_selection');
  let source: Knex.QueryBuilder;
  if (selection.customerIds) {
    const ids = selection.customerIds;
    const { rows } = await trx.raw<{ rows: { found: number; in_pool: number; claimed: number }[] }>(
      `SELECT count(*)::int AS found, count(*) FILTER (WHERE c.in_pool)::int AS in_pool,
              count(*) FILTER (WHERE NOT c.in_pool AND (SELECT h.reason FROM ownership_history h WHERE h.customer_id = c.id
                                                         ORDER BY h.at DESC, h.id DESC LIMIT 1) = 'claim')::int AS claimed
         FROM customers c WHERE c.id = ANY(?::bigint[]) AND c.deleted_at IS NULL`,
      [ids],
    );
    const { found, in_pool: inPool, claimed } = rows[0];
    if (found < ids.length) throw new AppError(404, 'NOT_FOUND', `${ids.length - found} khách hàng đã chọn không tồn tại`);
    if (claimed > 0) throw alreadyClaimed(claimed);
    if (inPool < ids.length) throw conflict('NOT_IN_POOL', `${ids.length - inPool} khách hàng đã chọn không thuộc Khách hàng chung`);
    source = trx('customers as c').whereRaw('c.id = ANY(?::bigint[])', [ids]).select('c.id');
  } else if (selection.filter) {
    const filter: CustomerFilter = { ...selection.filter, inPool: true };
    source = trx('customers as c').select('c.id');
    applyCustomerFilter(source, filter);
    if (selection.excludeIds?.length) source.whereRaw('NOT (c.id = ANY(?::bigint[]))', [selection.excludeIds]);
  } else {
    throw noSelection();
  }
  const created = await trx.raw('CREATE TEMP TABLE pool_selection ON COMMIT DROP AS SELECT s.id FROM (?) AS s', [source]);
  await trx.raw('ALTER TABLE pool_selection ADD PRIMARY KEY (id)');
  if (!created.rowCount) throw badRequest('Không có khách hàng chung nào khớp với lựa chọn', 'filter');
  return created.rowCount;
}
