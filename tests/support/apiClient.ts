import type { App } from '../../server/appType';
import { testAdminPassword } from './testServer';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type ApiResponse<T = any> = { status: number; body: T };

/** A signed-in user's view of the API through app.inject. */
export type ApiClient = {
  token: string;
  userId: number;
  call: <T = any>(method: Method, url: string, payload?: unknown) => Promise<ApiResponse<T>>;
};

export async function signIn(app: App, username: string, password: string): Promise<ApiClient> {
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (login.statusCode !== 200) throw new Error(`login ${username} failed: ${login.body}`);
  const { token, user } = login.json();
  const call = async <T = any>(method: Method, url: string, payload?: unknown): Promise<ApiResponse<T>> => {
    const response = await app.inject({ method, url, payload: payload as object | undefined, headers: { authorization: `Bearer ${token}` } });
    return { status: response.statusCode, body: (response.body ? response.json() : undefined) as T };
  };
  return { token, userId: user.id, call };
}

export const signInAdmin = (app: App) => signIn(app, 'admin', testAdminPassword);

/** A department tree and users for access tests: sales ⊃ sales north; staff A, B in north, C in south. */
export async function createCompany(admin: ApiClient) {
  const post = async (url: string, payload: unknown) => {
    const response = await admin.call('POST', url, payload);
    if (response.status !== 201) throw new Error(`${url}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const sales = await post('/api/departments', { name: 'Kinh doanh' });
  const north = await post('/api/departments', { name: 'Kinh doanh miền Bắc', parentId: sales.id });
  const south = await post('/api/departments', { name: 'Kinh doanh miền Nam', parentId: sales.id });
  const password = 'Staff-Pass-123';
  const user = (username: string, fullName: string, departmentId: number, role: 'manager' | 'staff') =>
    post('/api/users', { username, password, fullName, departmentId, role });
  return {
    password,
    departments: { sales, north, south },
    salesManager: await user('quanly', 'Trần Quản Lý', sales.id, 'manager'),
    northManager: await user('quanlybac', 'Lê Quản Lý Bắc', north.id, 'manager'),
    staffA: await user('nhanvien.a', 'Nguyễn Văn An', north.id, 'staff'),
    staffB: await user('nhanvien.b', 'Phạm Thị Bình', north.id, 'staff'),
    staffC: await user('nhanvien.c', 'Đỗ Văn Cường', south.id, 'staff'),
  };
}
