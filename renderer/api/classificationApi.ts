import type { Static } from 'typebox';
import type {
  CustomerGroup,
  CustomerGroupBody,
  CustomerType,
  CustomerTypeBody,
  DeleteCustomerTypeQuery,
  DeleteCustomerTypeResult,
} from '../../shared/schemas/classification';
import { http } from './http';

/** Customer types (one per customer) and groups (many per customer). */
export const classificationApi = {
  types: () => http.get<CustomerType[]>('/api/customer-types'),
  createType: (body: CustomerTypeBody) => http.post<CustomerType>('/api/customer-types', body),
  updateType: (id: number, body: Partial<CustomerTypeBody>) => http.patch<CustomerType>(`/api/customer-types/${id}`, body),
  deleteType: (id: number, query: Static<typeof DeleteCustomerTypeQuery>) =>
    http.delete<Static<typeof DeleteCustomerTypeResult>>(`/api/customer-types/${id}`, query),
  groups: () => http.get<CustomerGroup[]>('/api/customer-groups'),
  createGroup: (body: CustomerGroupBody) => http.post<CustomerGroup>('/api/customer-groups', body),
  updateGroup: (id: number, body: Partial<CustomerGroupBody>) => http.patch<CustomerGroup>(`/api/customer-groups/${id}`, body),
  deleteGroup: (id: number) => http.delete<unknown>(`/api/customer-groups/${id}`),
};
