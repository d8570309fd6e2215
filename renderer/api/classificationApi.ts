import type { Static } from 'typebox';
import type {
  CareStatus,
  CareStatusBody,
  CustomerGroup,
  CustomerGroupBody,
  CustomerType,
  CustomerTypeBody,
  DeleteCustomerTypeQuery,
  DeleteCustomerTypeResult,
} from '../../shared/schemas/classification';
import { http } from './http';

/** Customer types (one per customer), groups (many per customer) and the care status list. */
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
  careStatuses: () => http.get<CareStatus[]>('/api/care-statuses'),
  createCareStatus: (body: CareStatusBody) => http.post<CareStatus>('/api/care-statuses', body),
  updateCareStatus: (id: number, body: CareStatusBody) => http.patch<CareStatus>(`/api/care-statuses/${id}`, body),
  deleteCareStatus: (id: number) => http.delete<{ clearedCustomers: number }>(`/api/care-statuses/${id}`),
};
