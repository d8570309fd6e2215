import type { Knex } from 'knex';
import type { CustomerFilter } from '../../../shared/schemas/customers';
import { containsUnaccented, searchWords } from '../../db/likePattern';
import { poolDueWithinSql } from '../pool/poolDue';

const searchableColumns = { name: 'c.name', code: 'c.code', email: 'c.email', phone: 'c.phone', taxCode: 'c.tax_code' } as const;

/** Adds the WHERE clauses of a customer filter (not the access rules) to a query over `customers c`. */
export function applyCustomerFilter(q: Knex.QueryBuilder, filter: CustomerFilter): void {
  q.whereNull('c.deleted_at');
  for (const word of searchWords(filter.search)) containsUnaccented(q, 'c.search_text', word);
  for (const [field, column] of Object.entries(searchableColumns) as [keyof typeof searchableColumns, string][]) {
    const text = filter[field]?.trim();
    if (!text) continue;
    // search_text holds every one of these columns: its trigram index narrows, the column decides.
    containsUnaccented(q, 'c.search_text', text);
    containsUnaccented(q, `crm_search_text(${column})`, text);
  }
  if (filter.address?.trim()) containsUnaccented(q, `crm_search_text(coalesce(c.address, ''))`, filter.address.trim());
  if (filter.stars?.length) q.whereRaw('c.stars = ANY(?::smallint[])', [filter.stars]);
  // customer_tiers is the index of tier_id (migration 0021: a tier recompute stays HOT).
  if (filter.tierId !== undefined) q.whereRaw('EXISTS (SELECT 1 FROM customer_tiers t WHERE t.customer_id = c.id AND t.tier_id = ?)', [filter.tierId]);
  // customer_keys is the index of type_id and care_status (migration 0018: mass updates stay HOT),
  // used like customer_owners below.
  if (filter.typeId?.length) q.whereRaw('EXISTS (SELECT 1 FROM customer_keys k WHERE k.customer_id = c.id AND k.type_id = ANY(?::bigint[]))', [filter.typeId]);
  // customer_owners is the owner index (customers.owner_id has none, migration 0014): a semi-join
  // that drives from (owner_id, customer_id) for a small owner or probes it per row of a sort index.
  if (filter.ownerId !== undefined) q.whereRaw('EXISTS (SELECT 1 FROM customer_owners o WHERE o.customer_id = c.id AND o.owner_id = ?)', [filter.ownerId]);
  // customer_pool_members is the index of in_pool (migration 0020: pool moves stay HOT).
  if (filter.inPool === true) q.whereRaw('EXISTS (SELECT 1 FROM customer_pool_members p WHERE p.customer_id = c.id)');
  if (filter.inPool === false) q.where('c.in_pool', false);
  if (filter.careStatus !== undefined) q.whereRaw('EXISTS (SELECT 1 FROM customer_keys k WHERE k.customer_id = c.id AND k.care_status = ?)', [filter.careStatus]);
  if (filter.campaignId !== undefined) {
    q.whereRaw('EXISTS (SELECT 1 FROM campaign_members cm WHERE cm.customer_id = c.id AND cm.campaign_id = ?)', [filter.campaignId]);
  }
  if (filter.batchId !== undefined) {
    q.whereRaw('c.id IN (SELECT b.customer_id FROM transfer_batch_customers b WHERE b.batch_id = ?)', [filter.batchId]);
  }
  if (filter.poolDueWithin !== undefined) q.whereRaw(poolDueWithinSql, [filter.poolDueWithin]);
  if (filter.groupId?.length) {
    q.whereRaw('EXISTS (SELECT 1 FROM customer_group_members m WHERE m.customer_id = c.id AND m.group_id = ANY(?::bigint[]))', [filter.groupId]);
  }
  // Calendar days in Vietnam: createdTo includes the whole day.
  if (filter.createdFrom) q.whereRaw(`c.created_at >= (?::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`, [filter.createdFrom]);
  if (filter.createdTo) q.whereRaw(`c.created_at < (?::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`, [filter.createdTo]);
}

/** The filter in a canonical form, for cache keys and audit entries. */
export function normalizeFilter(filter: CustomerFilter): CustomerFilter {
  const entries = Object.entries(filter)
    .filter(([, value]) => value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0))
    .map(([key, value]) => [key, Array.isArray(value) ? [...new Set<number>(value)].sort((a, b) => a - b) : typeof value === 'string' ? value.trim() : value] as const)
    .sort(([a], [b]) => a.localeCompare(b));
  return Object.fromEntries(entries) as CustomerFilter;
}
