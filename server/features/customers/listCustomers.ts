import type { Knex } from 'knex';
import type { CustomerFilter, CustomerListQuery, Customer } from '../../../shared/schemas/customers';
import type { Actor } from '../../access/actor';
import { customerAccess } from '../../access/customerAccess';
import { listPage, warmList, type ListSource } from '../../list/listEngine';
import type { SortKey } from '../../list/sortKeys';
import { applyCustomerFilter, normalizeFilter } from './filters';
import { countByKeysOnly, filterNameBound } from './keyFilters';
import { customersByIds } from './repository';
import { customerSortModel } from './sorting';

export function visibleCustomersQuery(db: Knex, actor: Actor, filter: CustomerFilter): Knex.QueryBuilder {
  const query = db('customers as c');
  applyCustomerFilter(query, filter);
  return query.where(customerAccess(db, actor).readable());
}

/** Filters and sorts that read the detail columns of migration 0029 (search_text holds phone and email). */
const detailFilters = ['search', 'phone', 'email', 'address'] as const;
const detailSorts = new Set(['phone', 'email', 'address', 'updatedAt']);
const followsDetails = (filter: CustomerFilter, keys: SortKey[]) =>
  detailFilters.some((field) => filter[field] !== undefined) || keys.some((key) => detailSorts.has(key.field));

/** The customer list (and the pool, which is its `inPool` filter) on the list engine. */
export const customerList: ListSource<CustomerFilter, Customer> = {
  name: 'customers',
  // crm_list_version: writes to customers and everything a customer row shows or sorts by
  // (migrations 0001, 0009, 0012, 0020); edits of detail columns only bump the other (0029).
  versionSequences: (filter, keys) => (followsDetails(filter, keys) ? ['crm_list_version', 'crm_list_version_customer_details'] : ['crm_list_version']),
  idColumn: 'c.id',
  rows: visibleCustomersQuery,
  sortModel: customerSortModel,
  hasTextSearch: (filter) => Boolean(filter.search),
  load: customersByIds,
  countShortcut: (db, actor, filter) => (customerAccess(db, actor).readsEveryCustomer ? countByKeysOnly(db, filter) : Promise.resolve(null)),
  firstPageBound: filterNameBound,
  // One owner's customers (and the pool) are collected by index arms and sorted once per version,
  // then sliced: walking the name index tested every row between two anchors (15 ms a block under load).
  walksSortIndex: (db, actor) => customerAccess(db, actor).infoCandidateIds === null,
};

/** A page of the customers the actor may read. */
export async function listCustomers(db: Knex, actor: Actor, query: CustomerListQuery): Promise<{ rows: Customer[]; total: number }> {
  const { sort, offset, limit, ...filter } = query;
  return listPage(db, actor, customerList, normalizeFilter(filter), { sort, offset, limit });
}

/**
 * Builds a user's default list positions (name order, no filter) and total ahead of their first
 * grid load and deep scroll (a manager of 450,000 customers: 2 s once). Called after sign-in,
 * and for the admins when the server starts.
 */
export async function warmCustomerList(db: Knex, actor: Actor): Promise<void> {
  await warmList(db, actor, customerList, normalizeFilter({}));
}

export async function warmAdminCustomerList(db: Knex): Promise<void> {
  const admin = await db('users').where({ role: 'admin', active: true }).first('id', 'username', 'full_name');
  if (!admin) return;
  await warmCustomerList(db, { id: admin.id, username: admin.username, fullName: admin.full_name, role: 'admin', departmentId: null, departmentPath: null });
}
