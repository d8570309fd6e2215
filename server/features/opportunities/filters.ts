import type { Knex } from 'knex';
import { followingStages } from '../../../shared/schemas/enums';
import type { OpportunityFilter } from '../../../shared/schemas/opportunities';
import { containsUnaccented, escapeLike } from '../../db/likePattern';

/**
 * The S2 search as WHERE clauses over `opportunities r` joined with its customer `c` (not the
 * access rules, not deleted_at: the caller's base query decides those). One definition for the
 * list, the export and the chart's drill-down. Date ranges are calendar days, both ends inclusive;
 * lostFrom/lostTo compare the Vietnamese calendar day the opportunity was lost.
 */
export function applyOpportunityFilter(q: Knex.QueryBuilder, filter: OpportunityFilter): Knex.QueryBuilder {
  const number = filter.number?.trim();
  if (number) q.whereRaw(`lower(r.number) LIKE '%' || lower(?) || '%'`, [escapeLike(number)]);
  const name = filter.name?.trim();
  // crm_search_text(r.name) has a trigram index (migration 0024).
  if (name) containsUnaccented(q, 'crm_search_text(r.name)', name);
  const customer = filter.customer?.trim();
  // customers.search_text (trigram-indexed) holds the name among other columns; the name decides.
  if (customer) {
    containsUnaccented(q, 'c.search_text', customer);
    containsUnaccented(q, 'crm_search_text(c.name)', customer);
  }
  if (filter.customerId !== undefined) q.where('r.customer_id', filter.customerId);
  if (filter.creatorId !== undefined) q.where('r.created_by', filter.creatorId);
  if (filter.ownerId !== undefined) q.where('r.owner_id', filter.ownerId);
  if (filter.stage === 'following') q.whereIn('r.stage', followingStages);
  else if (filter.stage !== undefined) q.where('r.stage', filter.stage);
  if (filter.startFrom) q.where('r.start_date', '>=', filter.startFrom);
  if (filter.startTo) q.where('r.start_date', '<=', filter.startTo);
  if (filter.expectedFrom) q.where('r.expected_date', '>=', filter.expectedFrom);
  if (filter.expectedTo) q.where('r.expected_date', '<=', filter.expectedTo);
  const lostReason = filter.lostReason?.trim();
  if (lostReason) q.whereRaw('r.lost_reason_id IN (SELECT lr.id FROM lost_reasons lr WHERE lr.name = ?)', [lostReason]);
  if (filter.lostFrom || filter.lostTo) q.where('r.stage', 'lost');
  if (filter.lostFrom) q.whereRaw('crm_vn_day(r.lost_at) >= ?::date', [filter.lostFrom]);
  if (filter.lostTo) q.whereRaw('crm_vn_day(r.lost_at) <= ?::date', [filter.lostTo]);
  return q;
}
