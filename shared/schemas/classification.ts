import { Type, type Static } from 'typebox';
import { Id, Name, ShortText, visibleText } from './common';

/** Customer types (C2): a customer has at most one. */
export const CustomerType = Type.Object({
  id: Id,
  name: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  customerCount: Type.Integer(),
});
export type CustomerType = Static<typeof CustomerType>;

export const CustomerTypeBody = Type.Object({
  name: Name,
  description: Type.Optional(Type.Union([ShortText, Type.Null()])),
});
export type CustomerTypeBody = Static<typeof CustomerTypeBody>;
export const UpdateCustomerTypeBody = Type.Partial(CustomerTypeBody, { minProperties: 1 });

/** Deleting a type: its customers go to the recycle bin with it, or are kept with no type. */
export const DeleteCustomerTypeQuery = Type.Object({ customers: Type.Enum(['delete', 'keep']) });
export const DeleteCustomerTypeResult = Type.Object({ deletedCustomers: Type.Integer(), clearedCustomers: Type.Integer() });

/** Customer groups (C3): many per customer; their points feed the lead score (L2). */
export const CustomerGroup = Type.Object({
  id: Id,
  name: Type.String(),
  points: Type.Integer(),
  customerCount: Type.Integer(),
});
export type CustomerGroup = Static<typeof CustomerGroup>;

export const CustomerGroupBody = Type.Object({
  name: Name,
  points: Type.Optional(Type.Integer({ minimum: -100000, maximum: 100000 })),
});
export type CustomerGroupBody = Static<typeof CustomerGroupBody>;
export const UpdateCustomerGroupBody = Type.Partial(CustomerGroupBody, { minProperties: 1 });

/**
 * Tình trạng chăm sóc: a managed list. `value` is what a customer's `careStatus` holds: the name,
 * or for the two reserved entries of automatic multi-assign (O4) their fixed key
 * (`multi_assign_pending`, `multi_assign_done`), which cannot be renamed or deleted.
 */
export const CareStatus = Type.Object({
  id: Id,
  name: Type.String(),
  value: Type.String(),
  reserved: Type.Boolean(),
  customerCount: Type.Integer(),
});
export type CareStatus = Static<typeof CareStatus>;

export const CareStatusBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 100, pattern: visibleText }) });
export type CareStatusBody = Static<typeof CareStatusBody>;
export const DeleteCareStatusResult = Type.Object({ clearedCustomers: Type.Integer() });
