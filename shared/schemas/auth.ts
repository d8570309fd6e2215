import { Type, type Static } from 'typebox';
import { User } from './users';

export const LoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 100 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
});
export type LoginBody = Static<typeof LoginBody>;

export const LoginResult = Type.Object({ token: Type.String(), expiresAt: Type.String({ format: 'date-time' }), user: User });
export type LoginResult = Static<typeof LoginResult>;

export const Me = Type.Object({ user: User });
