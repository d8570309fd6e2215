import type { Knex } from 'knex';
import type { CustomerFilter, CustomerListQuery, Customer } from '../../../shared/schemas/customers';
import type { CustomerSortField } from '../../../shared/schemas/enums';
import type { Actor } from '../../access/actor';
import { customerAccess, seesManyOwners } from '../../access/customerAccess';
import { sampledMatchShare, searchWords } from '../../db/likePattern';
import { listPage, warmList, type ListPage, type ListSource } from '../../list/listEngine';
import type { SortKey } from '../../list/sortKeys';
import type { VersionPart } from '../../db/listCache';
import { applyCustomerFilter, normalizeFilter } from './filters';
import { countByKeysOnly, filterNameBound } from './keyFilters';
import { customersByIds } from './repository';
import { customerSortModel } from './sorting';

export function visibleCustomersQuery(db: Knex, actor: Actor, filter: CustomerFilter): Knex.QueryBuilder {
  const query = db('customers as c');
  applyCustomerFilter(query, filter);
  return query.where(customerAccess(db, actor).readable());
}

/**
 * What versions a customer list (migration 0029): every list `crm_list_version`; those that
 * search, filter or sort by a group of detail columns also that group's edits, counted for one
 * owner (and shared or pooled customers) when the actor's lists hold one owner's customers.
 */
const detailGroups = [
  { sequence: 'crm_list_version_customer_search', counter: 'searched', filters: ['search', 'phone', 'email'], sorts: ['phone', 'email'] },
  { sequence: 'crm_list_version_customer_details', counter: 'other', filters: ['address'], sorts: ['address', 'updatedAt'] },
] as const satisfies { sequence: string; counter: string; filters: (keyof CustomerFilter)[]; sorts: CustomerSortField[] }[];

function customerListVersions(db: Knex, actor: Actor, filter: CustomerFilter, keys: SortKey[]): VersionPart[] {
  const follows = detailGroups.filter((group) => group.filters.some((field) => filter[field] !== undefined)
    || keys.some((key) => (group.sorts as readonly string[]).includes(key.field)));
  const ownerId = customerAccess(db, actor).soleOwnerId;
  if (ownerId === null) return ['crm_list_version', ...follows.map((group) => group.sequence)];
  const counters = follows.map((group): VersionPart => ({
    name: `${group.counter}:${ownerId}`, sql: `SELECT ${group.counter}::text FROM customer_detail_versions WHERE owner_id = ?`, bindings: [ownerId],
  }));
  return ['crm_list_version', ...counters, ...(follows.length ? ['crm_list_version_customer_shared'] : [])];
}

/** The customer list (and the pool, which is its `inPool` filter) on the list engine. */
export const customerList: ListSource<CustomerFilter, Customer> = {
  name: 'customers',
  // crm_list_version: writes to customers and everything a customer row shows or sorts by
  // (migrations 0001, 0009, 0012, 0020), except edits of detail columns (0029).
  versionedBy: customerListVersions,
  idColumn: 'c.id',
  rows: visibleCustomersQuery,
  sortModel: customerSortModel,
  hasTextSearch: (filter) => Boolean(filter.search),
  searchEstimate: {
    without: ({ search: _search, ...without }) => without,
    share: (db, filter) => sampledMatchShare(db, 'customers', 'search_text', searchWords(filter.search)),
  },
  load: customersByIds,
  countShortcut: (db, actor, filter) => (customerAccess(db, actor).readsEveryCustomer ? countByKeysOnly(db, filter) : Promise.resolve(null)),
  firstPageBound: filterNameBound,
  // One owner's customers (and the pool) are collected by index arms and sorted once per version,
  // then sliced: walking the name index tested every row between two anchors (15 ms a block under load).
  walksSortIndex: seesManyOwners,
};

/** A page of the customers the actor may read. */
export async function listCustomers(db: Knex, actor: Actor, query: CustomerListQuery): Promise<ListPage<Customer>> {
  const { sort, offset, limit, ...filter } = query;
  return listPage(db, actor, customerList, normalizeFilter(filter), { sort, offset, limit });
}

/**
 * Builds a user's default list positions (name order, no filter) and total ahead of their first
 * grid load and deep scroll (a manager of 450,000 customers: 2 s once). Called after sign-in,
 * and for the admins when the server starts.
 */
export async function warmCustomerList(db: Knex, actor: Actor, sort?: string): Promise<void> {
  await warmList(db, actor, customerList, normalizeFilter({}), sort);
}
