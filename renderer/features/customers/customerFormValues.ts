import type { CreateCustomerBody, Customer, UpdateCustomerBody } from '../../../shared/schemas/customers';
import { tagList } from '../../grid/editing/parseValues';
import type { PickedUser } from '../common/searchUsers';

/** The customer form's state: text inputs as strings, pickers as ids or picked users. */
export type CustomerFormValues = {
  name: string;
  code: string;
  taxCode: string;
  phone: string;
  email: string;
  address: string;
  /** A care status `value` of the managed list, '' for none. */
  careStatus: string;
  tags: string;
  typeId: number | null;
  groupIds: number[];
  owner: PickedUser | null;
  assigned: PickedUser[];
};

type TextField = 'taxCode' | 'phone' | 'email' | 'address' | 'careStatus';
const optionalTextFields: TextField[] = ['taxCode', 'phone', 'email', 'address', 'careStatus'];

/** A new customer (owned by `me` unless changed) or the one being edited, with its assigned users' names. */
export function customerFormValues(customer: Customer | null, me: PickedUser, assigned: PickedUser[]): CustomerFormValues {
  return {
    name: customer?.name ?? '',
    code: customer?.code ?? '',
    taxCode: customer?.taxCode ?? '',
    phone: customer?.phone ?? '',
    email: customer?.email ?? '',
    address: customer?.address ?? '',
    careStatus: customer?.careStatus ?? '',
    tags: customer?.tags.join(', ') ?? '',
    typeId: customer?.typeId ?? null,
    groupIds: customer?.groupIds ?? [],
    owner: customer ? (customer.ownerId ? { id: customer.ownerId, fullName: customer.ownerName ?? '' } : null) : me,
    assigned,
  };
}

/** Roughly what the server's `format: 'email'` accepts, so most typos are caught at the field before sending. */
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const phonePattern = /^[0-9+()\-. ]*$/;

/** The first field that cannot be sent as typed, as a message key; undefined when the form may be sent. */
export function firstInvalidField(values: CustomerFormValues): { field: keyof CreateCustomerBody; messageKey: 'customers.form.nameRequired' | 'customers.form.emailInvalid' | 'customers.form.phoneInvalid' } | undefined {
  if (!values.name.trim()) return { field: 'name', messageKey: 'customers.form.nameRequired' };
  if (!phonePattern.test(values.phone.trim())) return { field: 'phone', messageKey: 'customers.form.phoneInvalid' };
  if (values.email.trim() && !emailPattern.test(values.email.trim())) return { field: 'email', messageKey: 'customers.form.emailInvalid' };
  return undefined;
}

/** The fields a new customer and an edit send alike; code and owner only when given. */
function commonFields(values: CustomerFormValues): CreateCustomerBody {
  const fields: CreateCustomerBody = {
    name: values.name.trim(),
    typeId: values.typeId,
    groupIds: values.groupIds,
    assignedUserIds: values.assigned.map((user) => user.id).filter((id) => id !== values.owner?.id),
    tags: tagList(values.tags),
  };
  if (values.code.trim()) fields.code = values.code.trim();
  if (values.owner) fields.ownerId = values.owner.id;
  return fields;
}

/** A new customer: blank optional fields are left out. */
export function createCustomerBody(values: CustomerFormValues): CreateCustomerBody {
  const body = commonFields(values);
  for (const field of optionalTextFields) {
    const text = values[field].trim();
    if (text) body[field] = text;
  }
  return body;
}

/** An edit: every field, blank ones cleared, with the version it was loaded at (optimistic locking). */
export function updateCustomerBody(values: CustomerFormValues, version: number): UpdateCustomerBody {
  const body: UpdateCustomerBody = { version, ...commonFields(values) };
  for (const field of optionalTextFields) body[field] = values[field].trim() || null;
  return body;
}
