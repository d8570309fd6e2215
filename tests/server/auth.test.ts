import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/appType';
import type { Db } from '../../server/db/database';
import { bootstrapAdmin } from '../../server/features/users/bootstrapAdmin';
import { signInAdmin, type ApiClient } from '../support/apiClient';
import { createTestApp, testAdminPassword } from '../support/testServer';

let app: App;
let db: Db;
let close: () => Promise<void>;
let admin: ApiClient;

beforeAll(async () => {
  ({ app, db, close } = await createTestApp());
  admin = await signInAdmin(app);
});
afterAll(() => close());

const login = (username: string, password: string, ip = '10.0.0.1') =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });

describe('sign-in', () => {
  it('stores only a slow hash of the password and never returns it', async () => {
    const row = await db('users').where({ username: 'admin' }).first('password_hash');
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const users = await admin.call('GET', '/api/users');
    expect(JSON.stringify(users.body)).not.toMatch(/argon2|password/i);
  });

  it('creates admin once: a second bootstrap does nothing', async () => {
    expect(await bootstrapAdmin(db, 'another-password')).toEqual({ created: false });
  });

  it('refuses a wrong password with 401 and the error shape', async () => {
    const response = await login('admin', 'wrong-password', '10.0.0.9');
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('rate-limits repeated failures, even with the right password afterwards, without locking out other addresses', async () => {
    await admin.call('POST', '/api/users', { username: 'victim', password: 'Victim-Pass-1', fullName: 'Nạn Nhân', role: 'staff' });
    for (let attempt = 0; attempt < 10; attempt++) expect((await login('victim', 'nope-nope', '10.1.0.1')).statusCode).toBe(401);
    const blocked = await login('victim', 'Victim-Pass-1', '10.1.0.1');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('TOO_MANY_ATTEMPTS');
    expect((await login('victim', 'Victim-Pass-1', '10.1.0.2')).statusCode).toBe(200);
  });

  it('rate-limits one username attacked from many addresses', async () => {
    await admin.call('POST', '/api/users', { username: 'target', password: 'Target-Pass-1', fullName: 'Mục Tiêu', role: 'staff' });
    for (let attempt = 0; attempt < 50; attempt++) await login('target', 'nope-nope', `10.3.${attempt}.1`);
    expect((await login('target', 'Target-Pass-1', '10.3.99.1')).statusCode).toBe(429);
  });

  it('rejects requests without a valid token', async () => {
    for (const authorization of [undefined, 'Bearer nonsense-token-that-is-long', 'Basic abc', `Bearer ${admin.token}x`]) {
      const response = await app.inject({ method: 'GET', url: '/api/customers', headers: authorization ? { authorization } : {} });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('UNAUTHORIZED');
    }
  });

  it('expires tokens', async () => {
    const session = await signInAdmin(app);
    await db('sessions').update({ expires_at: db.raw(`now() - interval '1 second'`) }).whereRaw('created_at = (SELECT max(created_at) FROM sessions)');
    expect((await session.call('GET', '/api/auth/me')).status).toBe(401);
  });

  it('logs out: the token stops working', async () => {
    const session = await signInAdmin(app);
    expect((await session.call('GET', '/api/auth/me')).status).toBe(200);
    expect((await session.call('POST', '/api/auth/logout')).status).toBe(200);
    expect((await session.call('GET', '/api/auth/me')).status).toBe(401);
  });

  it('disabling a user ends their sessions and blocks sign-in', async () => {
    const created = await admin.call('POST', '/api/users', { username: 'leaver', password: 'Leaver-Pass-1', fullName: 'Người Nghỉ', role: 'staff' });
    const response = await login('leaver', 'Leaver-Pass-1', '10.2.0.1');
    const token = response.json().token;
    await admin.call('PATCH', `/api/users/${created.body.id}`, { active: false });
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(401);
    expect((await login('leaver', 'Leaver-Pass-1', '10.2.0.2')).statusCode).toBe(401);
  });

  it('lets only admins create users, and staff edit only their own profile', async () => {
    await admin.call('POST', '/api/users', { username: 'staffer', password: 'Secret-Pass-123', fullName: 'Nhân Viên', role: 'staff' });
    const staff = await (await import('../support/apiClient')).signIn(app, 'staffer', 'Secret-Pass-123');
    expect((await staff.call('POST', '/api/users', { username: 'x1234', password: 'Abcdefgh-1', fullName: 'X', role: 'admin' })).status).toBe(403);
    expect((await staff.call('PATCH', `/api/users/${staff.userId}`, { role: 'admin' })).status).toBe(403);
    expect((await staff.call('PATCH', `/api/users/${admin.userId}`, { fullName: 'Hacked' })).status).toBe(403);
    const own = await staff.call('PATCH', `/api/users/${staff.userId}`, { fullName: 'Nhân Viên Mới', locale: 'en' });
    expect(own.status).toBe(200);
    expect(own.body.fullName).toBe('Nhân Viên Mới');
    const noCurrent = await staff.call('PATCH', `/api/users/${staff.userId}`, { password: 'Brand-New-Pass-1' });
    expect(noCurrent.status).toBe(400);
    expect(noCurrent.body.error).toMatchObject({ code: 'WRONG_CURRENT_PASSWORD', field: 'currentPassword' });
    const otherSession = await (await import('../support/apiClient')).signIn(app, 'staffer', 'Secret-Pass-123');
    const changed = await staff.call('PATCH', `/api/users/${staff.userId}`, { password: 'Brand-New-Pass-1', currentPassword: 'Secret-Pass-123' });
    expect(changed.status).toBe(200);
    expect((await staff.call('GET', '/api/auth/me')).status).toBe(200);
    expect((await otherSession.call('GET', '/api/auth/me')).status).toBe(401);
  });

  it('validates user input and names the field', async () => {
    const shortPassword = await admin.call('POST', '/api/users', { username: 'newbie', password: 'short', fullName: 'A', role: 'staff' });
    expect(shortPassword.status).toBe(400);
    expect(shortPassword.body.error.field).toBe('password');
    const badRole = await admin.call('POST', '/api/users', { username: 'newbie', password: 'Long-enough-1', fullName: 'A', role: 'root' });
    expect(badRole.status).toBe(400);
    const duplicate = await admin.call('POST', '/api/users', { username: 'ADMIN', password: 'Long-enough-1', fullName: 'A', role: 'staff' });
    expect(duplicate.status).toBe(409);
  });

  it('answers malformed JSON with 400, never 500', async () => {
    const response = await app.inject({
      method: 'POST', url: '/api/auth/login', payload: '{"username": "admin", "password": ', headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBeTruthy();
    const nul = await login('adm\u0000in', testAdminPassword);
    expect(nul.statusCode).toBe(400);
  });
});
