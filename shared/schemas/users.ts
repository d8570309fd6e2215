import { Type, type Static } from 'typebox';
import { Email, Id, Name, Phone } from './common';
import { roles } from './enums';

export const Role = Type.Enum(roles);

/** A user as the API shows it: never a password hash. */
export const User = Type.Object({
  id: Id,
  username: Type.String(),
  fullName: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  departmentId: Type.Union([Id, Type.Null()]),
  departmentName: Type.Union([Type.String(), Type.Null()]),
  role: Role,
  active: Type.Boolean(),
  locale: Type.Enum(['vi', 'en']),
  createdAt: Type.String({ format: 'date-time' }),
});
export type User = Static<typeof User>;

const Username = Type.String({ minLength: 2, maxLength: 60, pattern: '^[A-Za-z0-9._-]+$' });
/** At least 8 characters; the server also refuses the username itself as password. */
const Password = Type.String({ minLength: 8, maxLength: 200 });

export const CreateUserBody = Type.Object({
  username: Username,
  password: Password,
  fullName: Name,
  departmentId: Type.Optional(Type.Union([Id, Type.Null()])),
  role: Role,
  active: Type.Optional(Type.Boolean()),
  email: Type.Optional(Type.Union([Email, Type.Null()])),
  phone: Type.Optional(Type.Union([Phone, Type.Null()])),
  locale: Type.Optional(Type.Enum(['vi', 'en'])),
});
export type CreateUserBody = Static<typeof CreateUserBody>;

/** Changing your own password needs the current one, so a borrowed session cannot take the account. */
export const UpdateUserBody = Type.Partial(
  Type.Intersect([Type.Omit(CreateUserBody, ['username']), Type.Object({ currentPassword: Type.String({ maxLength: 200 }) })]),
  { minProperties: 1 },
);
export type UpdateUserBody = Static<typeof UpdateUserBody>;

export const UserListQuery = Type.Object({
  search: Type.Optional(Type.String({ maxLength: 100 })),
  departmentId: Type.Optional(Id),
  active: Type.Optional(Type.Boolean()),
  /** `owner`: only the active users the caller may make the owner of a customer (owner pickers). */
  assignable: Type.Optional(Type.Enum(['owner'])),
  /** Pickers ask for the first few matches; without it, every match. */
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
});
export type UserListQuery = Static<typeof UserListQuery>;
