import type { TSchema } from 'typebox';
import type { InfoType } from '../../../shared/schemas/enums';
import { activitySchemas, contractSchemas, orderSchemas, paymentSchemas, quoteSchemas } from '../../../shared/schemas/records';
import type { RecordKind } from '../../access/recordAccess';

/** How one kind of customer history record maps to its table and API. */
export type RecordKindConfig = {
  kind: RecordKind;
  table: 'activities' | 'quotes' | 'contracts' | 'orders' | 'payments';
  path: string;
  infoType: InfoType;
  /** Writable API field → column, besides the common customerId, ownerId, date. */
  fields: Record<string, string>;
  /** Fields the server sets (document numbers), returned but never written from a request. */
  generated?: Record<string, string>;
  /** Quote and order lines live in document_lines under this column. */
  linesColumn?: 'quote_id' | 'order_id';
  schemas: { record: TSchema; create: TSchema; update: TSchema };
};

export const recordKinds: RecordKindConfig[] = [
  {
    kind: 'activity', table: 'activities', path: '/api/activities', infoType: 'activities',
    fields: { type: 'type', subject: 'subject', status: 'status', description: 'description' },
    schemas: activitySchemas,
  },
  {
    kind: 'quote', table: 'quotes', path: '/api/quotes', infoType: 'quotes',
    fields: { value: 'value', status: 'status', note: 'note' }, generated: { number: 'number' },
    linesColumn: 'quote_id', schemas: quoteSchemas,
  },
  {
    kind: 'contract', table: 'contracts', path: '/api/contracts', infoType: 'contracts',
    fields: { value: 'value', status: 'status', note: 'note' }, generated: { number: 'number' },
    schemas: contractSchemas,
  },
  {
    kind: 'order', table: 'orders', path: '/api/orders', infoType: 'orders',
    fields: { value: 'value', status: 'status', note: 'note', contractId: 'contract_id' }, generated: { number: 'number' },
    linesColumn: 'order_id', schemas: orderSchemas,
  },
  {
    // Payments belong with contracts and orders: whoever sees a customer's contracts sees its payments.
    kind: 'payment', table: 'payments', path: '/api/payments', infoType: 'contracts',
    fields: { amount: 'amount', method: 'method', note: 'note', contractId: 'contract_id', orderId: 'order_id' }, generated: { number: 'number' },
    schemas: paymentSchemas,
  },
];
