import type { Static } from 'typebox';
import type { Count } from '../../shared/schemas/common';
import type {
  BulkGroupsBody,
  CreateCustomerBody,
  Customer,
  CustomerListQuery,
  CustomerPage,
  OwnershipChange,
  UpdateCustomerBody,
} from '../../shared/schemas/customers';
import { http } from './http';

export type OwnershipChangeRow = Static<typeof OwnershipChange>;

export const customersApi = {
  list: (query: CustomerListQuery) => http.get<Static<typeof CustomerPage>>('/api/customers', query),
  get: (id: number) => http.get<Customer>(`/api/customers/${id}`),
  create: (body: CreateCustomerBody) => http.post<Customer>('/api/customers', body),
  update: (id: number, body: UpdateCustomerBody) => http.patch<Customer>(`/api/customers/${id}`, body),
  remove: (id: number) => http.delete<unknown>(`/api/customers/${id}`),
  changeGroups: (body: BulkGroupsBody) => http.post<Static<typeof Count>>('/api/customers/groups', body),
  history: (id: number) => http.get<OwnershipChangeRow[]>(`/api/customers/${id}/history`),
};
