import type { CreateDepartmentBody, Department, UpdateDepartmentBody } from '../../shared/schemas/departments';
import { http } from './http';

export const departmentsApi = {
  list: () => http.get<Department[]>('/api/departments'),
  create: (body: CreateDepartmentBody) => http.post<Department>('/api/departments', body),
  update: (id: number, body: UpdateDepartmentBody) => http.patch<Department>(`/api/departments/${id}`, body),
  remove: (id: number) => http.delete<unknown>(`/api/departments/${id}`),
};
