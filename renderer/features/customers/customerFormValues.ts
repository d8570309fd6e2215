import type { CreateCustomerBody, Customer, UpdateCustomerBody } from '../../../shared/schemas/customers';

/** The customer form's state: text inputs as strings, pickers as ids. */
export type CustomerFormValues = {
  name: string;
  code: string;
  taxCode: string;
  phone: string;
  email: string;
  address: string;
  careStatus: string;
  tags: string;
  typeIds: number[];
  groupIds: number[];
  ownerId: number | null;
  assignedUserIds: number[];
};

type TextField = 'taxCode' | 'phone' | 'email' | 'address' | 'careStatus';
const optionalTextFields: TextField[] = ['taxCode', 'phone', 'email', 'address', 'careStatus'];

export function customerFormValues(customer: Customer | null, defaultOwnerId: number): CustomerFormValues {
  return {
    name: customer?.name ?? '',
    code: customer?.code ?? '',
    taxCode: customer?.taxCode ?? '',
    phone: customer?.phone ?? '',
    email: customer?.email ?? '',
    address: customer?.address ?? '',
    careStatus: customer?.careStatus ?? '',
    tags: customer?.tags.join(', ') ?? '',
    typeIds: customer?.typeId ? [customer.typeId] : [],
    groupIds: customer?.groupIds ?? [],
    ownerId: customer ? customer.ownerId : defaultOwnerId,
    assignedUserIds: customer?.assignedUserIds ?? [],
  };
}

function tagList(text: string): string[] {
  return [...new Set(text.split(',').map((tag) => tag.trim()).filter(Boolean))];
}

/** The fields a new customer and an edit send alike; code and owner only when given. */
function commonFields(values: CustomerFormValues): CreateCustomerBody {
  const fields: CreateCustomerBody = {
    name: values.name.trim(),
    typeId: values.typeIds[0] ?? null,
    groupIds: values.groupIds,
    assignedUserIds: values.assignedUserIds,
    tags: tagList(values.tags),
  };
  if (values.code.trim()) fields.code = values.code.trim();
  if (values.ownerId) fields.ownerId = values.ownerId;
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
