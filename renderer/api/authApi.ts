import type { Static } from 'typebox';
import type { LoginBody, LoginResult, Me } from '../../shared/schemas/auth';
import { http } from './http';

export const authApi = {
  login: (body: LoginBody) => http.post<LoginResult>('/api/auth/login', body),
  logout: () => http.post<unknown>('/api/auth/logout'),
  me: () => http.get<Static<typeof Me>>('/api/auth/me'),
};
