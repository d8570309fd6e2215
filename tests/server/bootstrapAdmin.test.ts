import { describe, expect, it, onTestFinished } from 'vitest';
import type { Actor } from '../../server/access/actor';
import { buildApp } from '../../server/app';
import type { Db } from '../../server/db/database';
import { adminBootstrapMessage, bootstrapAdmin } from '../../server/features/users/bootstrapAdmin';
import { updateUser } from '../../server/features/users/service';
import { seedAtScale } from '../../server/seed/scaleSeed';
import { seedDatabase } from '../../server/seed/seedDatabase';
import { describeError } from '../../renderer/api/describeError';
import { ApiError } from '../../renderer/api/ApiError';
import { translate } from '../../renderer/i18n/translate';
import { signIn } from '../support/apiClient';
import { useFreshDatabases } from '../support/testDatabase';

const { freshDatabase, connect } = useFreshDatabases();

const seededPassword = 'Demo@12345';
const seedOptions = { customers: 20, seed: 7, asOf: '2026-11-23', password: seededPassword, log: () => {} };

/** Signs in through the API as a started server would answer; the status of POST /api/auth/login. */
async function loginStatus(db: Db, username: string, password: string): Promise<number> {
  const app = await buildApp({ db });
  try {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    return response.statusCode;
  } finally {
    await app.close();
  }
}

const count = async (db: Db, table: string, where: Record<string, unknown> = {}) => Number((await db(table).where(where).count('* as n').first())!.n);
const activeAdmins = async (db: Db) => db('users').where({ role: 'admin', active: true }).select('id', 'username');
const oneTimePassword = (message: string | undefined) => /one-time password: (\S+)/.exec(message ?? '')?.[1];

describe('admin bootstrap with the seed', () => {
  it('seed then start: a seeded database without admin gets one at start', async () => {
    const { db } = await freshDatabase();
    await seedAtScale(db, seedOptions);
    expect(await activeAdmins(db)).toEqual([]);
    const result = await bootstrapAdmin(db, undefined); // what main.ts does
    expect(result.created).toBe(true);
    const password = oneTimePassword(adminBootstrapMessage(result));
    expect(password).toBe(result.generatedPassword);
    expect(await loginStatus(db, 'admin', password!)).toBe(200);
    expect(await loginStatus(db, 'nv001', seededPassword)).toBe(200);
  }, 120_000);

  it('seed (as npm run seed does) on a fresh database creates admin and announces it; the next start keeps it', async () => {
    const { db } = await freshDatabase();
    const announced: string[] = [];
    await seedDatabase(db, { ...seedOptions, adminPassword: undefined, announce: (message) => announced.push(message) });
    expect(announced).toHaveLength(1);
    const password = oneTimePassword(announced[0]);
    expect(password).toBeTruthy();
    expect(await bootstrapAdmin(db, undefined)).toEqual({ created: false }); // the server's start afterwards
    expect(await loginStatus(db, 'admin', password!)).toBe(200);
    expect(await loginStatus(db, 'nv002', seededPassword)).toBe(200);
  }, 120_000);

  it('start then seed: admin is kept, seeded users sign in, nothing is announced', async () => {
    const { db } = await freshDatabase();
    expect((await bootstrapAdmin(db, 'Start-Admin-Pw1')).created).toBe(true);
    const announced: string[] = [];
    await seedDatabase(db, { ...seedOptions, adminPassword: 'Other-Pw-2', announce: (message) => announced.push(message) });
    expect(announced).toEqual([]);
    expect(await loginStatus(db, 'admin', 'Start-Admin-Pw1')).toBe(200);
    expect(await loginStatus(db, 'nv001', seededPassword)).toBe(200);
    expect(await activeAdmins(db)).toHaveLength(1);
  }, 120_000);
});

describe('admin bootstrap', () => {
  it('uses CRM_ADMIN_PASSWORD when given and never prints it', async () => {
    const { db } = await freshDatabase();
    const result = await bootstrapAdmin(db, 'Given-Admin-Pw1');
    expect(result).toEqual({ created: true, generatedPassword: undefined });
    const message = adminBootstrapMessage(result)!;
    expect(message).toContain('Created user "admin"');
    expect(message).toContain('CRM_ADMIN_PASSWORD');
    expect(message).not.toContain('Given-Admin-Pw1');
    expect(await loginStatus(db, 'admin', 'Given-Admin-Pw1')).toBe(200);
  });

  it('generates a random password otherwise and prints it once', async () => {
    const { db } = await freshDatabase();
    const result = await bootstrapAdmin(db, undefined);
    expect(result.created).toBe(true);
    expect(result.generatedPassword).toMatch(/^[\w-]{16,}$/);
    expect(oneTimePassword(adminBootstrapMessage(result))).toBe(result.generatedPassword);
    expect(await loginStatus(db, 'admin', result.generatedPassword!)).toBe(200);
    const again = await bootstrapAdmin(db, undefined);
    expect(again).toEqual({ created: false });
    expect(adminBootstrapMessage(again)).toBeUndefined();
  });

  it('restores a disabled admin: active again, new password, its sessions ended', async () => {
    const { db } = await freshDatabase();
    await bootstrapAdmin(db, 'First-Admin-Pw1');
    const app = await buildApp({ db });
    const before = await signIn(app, 'admin', 'First-Admin-Pw1');
    await db('users').where({ username: 'admin' }).update({ active: false });

    const result = await bootstrapAdmin(db, 'Second-Admin-Pw2');
    expect(result).toEqual({ created: false, restored: { role: 'admin', active: false }, generatedPassword: undefined });
    expect(adminBootstrapMessage(result)).toMatch(/Restored the existing user "admin" \(was disabled\)/);
    expect(await count(db, 'users', { is_system: false })).toBe(1);
    expect(await count(db, 'sessions', { user_id: before.userId })).toBe(0);
    expect((await before.call('GET', '/api/auth/me')).status).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'First-Admin-Pw1' } })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'Second-Admin-Pw2' } })).statusCode).toBe(200);
    await app.close();
  });

  it('restores an `admin` that lost its role, with a generated password', async () => {
    const { db } = await freshDatabase();
    await db('users').insert({ username: 'Admin', password_hash: 'x', full_name: 'Người Dùng', role: 'staff' });
    const result = await bootstrapAdmin(db, undefined);
    expect(result.restored).toEqual({ role: 'staff', active: true });
    expect(adminBootstrapMessage(result)).toMatch(/\(was role staff\)/);
    expect(await activeAdmins(db)).toEqual([{ id: expect.anything(), username: 'Admin' }]);
    expect(await loginStatus(db, 'admin', oneTimePassword(adminBootstrapMessage(result))!)).toBe(200);
  });

  it('leaves a disabled `admin` alone while another active admin exists', async () => {
    const { db } = await freshDatabase();
    await db('users').insert([
      { username: 'admin', password_hash: 'x', full_name: 'Cũ', role: 'admin', active: false },
      { username: 'quantri', password_hash: 'x', full_name: 'Quản Trị', role: 'admin' },
    ]);
    expect(await bootstrapAdmin(db, 'Whatever-Pw1')).toEqual({ created: false });
    expect(await db('users').where({ username: 'admin' }).first('active', 'password_hash')).toEqual({ active: false, password_hash: 'x' });
  });

  it('two servers starting at once on one database create exactly one admin', async () => {
    const { db, url } = await freshDatabase();
    const other = connect(url, 2);
    const results = await Promise.all([bootstrapAdmin(db, 'Server-One-Pw1'), bootstrapAdmin(other, 'Server-Two-Pw2')]);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(await activeAdmins(db)).toHaveLength(1);
    expect(await count(db, 'users', { is_system: false })).toBe(1);
  });

  it('two servers starting at once restore a disabled admin exactly once', async () => {
    const { db, url } = await freshDatabase();
    await db('users').insert({ username: 'admin', password_hash: 'x', full_name: 'Cũ', role: 'admin', active: false });
    const other = connect(url, 2);
    const results = await Promise.all([bootstrapAdmin(db, undefined), bootstrapAdmin(other, undefined)]);
    const restored = results.filter((result) => result.restored);
    expect(restored).toHaveLength(1);
    expect(await loginStatus(db, 'admin', restored[0]!.generatedPassword!)).toBe(200);
  });
});

describe('the last active admin', () => {
  /** A fresh app with two active admins, `admin` and `quantri2`, both signed in; the app is closed after the test. */
  async function twoAdmins() {
    const { db } = await freshDatabase();
    await bootstrapAdmin(db, 'Admin-Pw-123');
    const app = await buildApp({ db });
    onTestFinished(() => app.close());
    const admin = await signIn(app, 'admin', 'Admin-Pw-123');
    const second = (await admin.call('POST', '/api/users', { username: 'quantri2', password: 'Second-Pw-1', fullName: 'Quản Trị Hai', role: 'admin' })).body;
    const secondSession = await signIn(app, 'quantri2', 'Second-Pw-1');
    return { db, admin, second, secondSession };
  }

  it('cannot be disabled or demoted (409 LAST_ADMIN), shown in Vietnamese', async () => {
    const { db, admin, second, secondSession } = await twoAdmins();

    // With another active admin left, disabling one is fine.
    expect((await admin.call('PATCH', `/api/users/${second.id}`, { active: false })).status).toBe(200);

    // quantri2's request authenticated just before it was disabled (a race): it must not remove the last admin.
    const staleActor: Actor = { id: second.id, username: 'quantri2', fullName: 'Quản Trị Hai', role: 'admin', departmentId: null, departmentPath: null };
    const adminId = admin.userId;
    for (const body of [{ active: false }, { role: 'staff' as const }, { role: 'manager' as const, active: false }]) {
      const refused = await updateUser(db, staleActor, adminId, body).catch((error: unknown) => error);
      expect(refused).toMatchObject({ statusCode: 409, code: 'LAST_ADMIN' });
    }
    expect(await activeAdmins(db)).toEqual([{ id: adminId, username: 'admin' }]);
    expect((await secondSession.call('GET', '/api/auth/me')).status).toBe(401);

    // Other edits of the last admin still work.
    expect((await admin.call('PATCH', `/api/users/${adminId}`, { fullName: 'Quản Trị Chính' })).status).toBe(200);

    const message = describeError(new ApiError(409, 'LAST_ADMIN', 'The last active admin cannot be disabled or lose the admin role'), (key, params) => translate('vi', key, params));
    expect(message).toMatch(/quản trị viên cuối cùng/);
  });

  it('two admins disabling each other at once leave one active admin', async () => {
    const { db, admin, second, secondSession } = await twoAdmins();
    const [first, other] = await Promise.all([
      admin.call('PATCH', `/api/users/${second.id}`, { active: false }),
      secondSession.call('PATCH', `/api/users/${admin.userId}`, { active: false }),
    ]);
    expect([first.status, other.status].filter((status) => status === 200)).toHaveLength(1);
    expect([first.status, other.status].every((status) => [200, 401, 409].includes(status))).toBe(true);
    expect(await activeAdmins(db)).toHaveLength(1);
  });
});
