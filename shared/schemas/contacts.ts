import { Type, type Static } from 'typebox';
import { Email, Id, Nullable, Paging, Phone, ShortText, Tags, Version, visibleText } from './common';

export const Contact = Type.Object({
  id: Id,
  customerId: Id,
  lastName: Type.String(),
  firstName: Type.String(),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  position: Nullable(Type.String()),
  tags: Type.Array(Type.String()),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type Contact = Static<typeof Contact>;

const fields = {
  lastName: Type.String({ maxLength: 120 }),
  firstName: Type.String({ minLength: 1, maxLength: 120, pattern: visibleText }),
  email: Nullable(Email),
  phone: Nullable(Phone),
  position: Nullable(ShortText),
  tags: Tags,
};

export const CreateContactBody = Type.Object({
  customerId: Id,
  lastName: fields.lastName,
  firstName: fields.firstName,
  email: Type.Optional(fields.email),
  phone: Type.Optional(fields.phone),
  position: Type.Optional(fields.position),
  tags: Type.Optional(fields.tags),
});
export type CreateContactBody = Static<typeof CreateContactBody>;

/** `version`, when sent, must match (optimistic locking); without it the last save wins. */
export const UpdateContactBody = Type.Intersect([Type.Object({ version: Type.Optional(Version) }), Type.Partial(Type.Object(fields))]);
export type UpdateContactBody = Static<typeof UpdateContactBody>;

export const ContactListQuery = Type.Object({ customerId: Type.Optional(Id), ...Paging });
