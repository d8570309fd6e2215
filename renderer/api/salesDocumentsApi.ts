import type { Static } from 'typebox';
import type { Contract, HistoryListQuery, Quote, orderSchemas, paymentSchemas } from '../../shared/schemas/records';
import { http } from './http';
import type { PageOf } from './PageOf';

export type Order = Static<typeof orderSchemas.record>;
export type Payment = Static<typeof paymentSchemas.record>;

/** A customer's quotes, sales contracts, orders and payments (read side), newest day first. */
export const salesDocumentsApi = {
  quotes: (query: HistoryListQuery) => http.get<PageOf<Quote>>('/api/quotes', query),
  contracts: (query: HistoryListQuery) => http.get<PageOf<Contract>>('/api/contracts', query),
  orders: (query: HistoryListQuery) => http.get<PageOf<Order>>('/api/orders', query),
  payments: (query: HistoryListQuery) => http.get<PageOf<Payment>>('/api/payments', query),
};
