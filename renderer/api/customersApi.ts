import type { Static } from 'typebox';
import type { Count } from '../../shared/schemas/common';
import type {
  BulkDeleteBody,
  BulkEditBody,
  BulkEditResult,
  BulkGroupsBody,
  CreateCustomerBody,
  Customer,
  CustomerListQuery,
  CustomerShare,
  CustomerPage,
  DeletedCustomerPage,
  DuplicateCheckBody,
  DuplicateMatches,
  MassUpdateBody,
  MassUpdateResult,
  OwnershipChange,
  UpdateCustomerBody,
} from '../../shared/schemas/customers';
import { http } from './http';

export type OwnershipChangeRow = Static<typeof OwnershipChange>;
export type DeletedCustomersPage = Static<typeof DeletedCustomerPage>;

export const customersApi = {
  list: (query: CustomerListQuery) => http.get<Static<typeof CustomerPage>>('/api/customers', query),
  get: (id: number) => http.get<Customer>(`/api/customers/${id}`),
  create: (body: CreateCustomerBody) => http.post<Customer>('/api/customers', body),
  update: (id: number, body: UpdateCustomerBody) => http.patch<Customer>(`/api/customers/${id}`, body),
  /** A paste down a column: one versioned change per row, all or nothing; `dryRun` only checks. */
  bulkEdit: (body: BulkEditBody, idempotencyKey: string) =>
    http.post<BulkEditResult>('/api/customers/bulk-edit', body, undefined, { 'Idempotency-Key': idempotencyKey }),
  /** To the recycle bin: the given ids (all or none), or every editable customer matching a filter. */
  removeMany: (body: BulkDeleteBody) => http.post<Static<typeof Count>>('/api/customers/delete', body),
  changeGroups: (body: BulkGroupsBody) => http.post<Static<typeof Count>>('/api/customers/groups', body),
  /** Cập nhật hàng loạt: care status and/or campaign on the selection (ids all or none, or a filter). */
  massUpdate: (body: MassUpdateBody) => http.post<MassUpdateResult>('/api/customers/mass-update', body),
  history: (id: number) => http.get<OwnershipChangeRow[]>(`/api/customers/${id}/history`),
  /** Who sees the customer and why (shares, "Giao cho", multi-assign rules, records shared by transfers); for those who may edit it. */
  shares: (id: number) => http.get<CustomerShare[]>(`/api/customers/${id}/shares`),
  recycleBin: (query: { offset: number; limit: number }) => http.get<DeletedCustomersPage>('/api/recycle-bin/customers', query),
  restore: (id: number) => http.post<Customer>(`/api/customers/${id}/restore`),
  /**
   * Duplicate warning before saving: other live customers with the same tax code, phone or email
   * (compared normalised; empty fields are skipped). Pass `excludeId` when editing. A match with
   * `customer: null` is one the user may not open: show only "a customer of another staff member".
   * With the company setting `duplicateTaxCode: 'refuse'` the save itself answers 409 DUPLICATE
   * (field taxCode); see settingsApi.
   */
  findDuplicates: (body: DuplicateCheckBody) => http.post<DuplicateMatches>('/api/customers/duplicates', body),
};
