import type { Contact, CreateContactBody, UpdateContactBody } from '../../shared/schemas/contacts';
import { http } from './http';
import type { PageOf } from './PageOf';

export const contactsApi = {
  listForCustomer: (customerId: number) => http.get<PageOf<Contact>>('/api/contacts', { customerId, limit: 1000 }),
  create: (body: CreateContactBody) => http.post<Contact>('/api/contacts', body),
  update: (id: number, body: UpdateContactBody) => http.patch<Contact>(`/api/contacts/${id}`, body),
  remove: (id: number) => http.delete<unknown>(`/api/contacts/${id}`),
};
