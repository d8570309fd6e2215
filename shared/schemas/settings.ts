import { Type, type Static } from 'typebox';
import { duplicateTaxCodeModes } from './enums';

/** Company-wide customer settings (Thiết lập › Khách hàng): everyone reads them, admins change them. */
export const CustomerSettings = Type.Object({
  /** What saving a customer with another live customer's tax code does: 'warn' (default) or 'refuse' (409 DUPLICATE, field taxCode). */
  duplicateTaxCode: Type.Enum(duplicateTaxCodeModes),
});
export type CustomerSettings = Static<typeof CustomerSettings>;
