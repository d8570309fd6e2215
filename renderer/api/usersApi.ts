import type { CreateUserBody, UpdateUserBody, User, UserListQuery } from '../../shared/schemas/users';
import { http } from './http';

export const usersApi = {
  list: (query: UserListQuery = {}) => http.get<User[]>('/api/users', query),
  create: (body: CreateUserBody) => http.post<User>('/api/users', body),
  update: (id: number, body: UpdateUserBody) => http.patch<User>(`/api/users/${id}`, body),
};
