import { afterAll, beforeAll } from 'vitest';
import type { App } from '../../server/appType';
import type { Db } from '../../server/db/database';
import { createCompany, signIn, signInAdmin, type ApiClient } from './apiClient';
import { createTestApp } from './testServer';

export type CompanyApp = {
  app: App;
  db: Db;
  close: () => Promise<void>;
  admin: ApiClient;
  company: Awaited<ReturnType<typeof createCompany>>;
  staffA: ApiClient;
  staffB: ApiClient;
  staffC: ApiClient;
  northManager: ApiClient;
  salesManager: ApiClient;
};

/**
 * For one test file: the app on a fresh database with the company of `createCompany`, everyone
 * signed in. The returned object is filled in beforeAll and closed in afterAll.
 */
export function useCompanyApp(): CompanyApp {
  const fixture = {} as CompanyApp;
  beforeAll(async () => {
    const { app, db, close } = await createTestApp();
    const admin = await signInAdmin(app);
    const company = await createCompany(admin);
    const [staffA, staffB, staffC, northManager, salesManager] = await Promise.all(
      ['nhanvien.a', 'nhanvien.b', 'nhanvien.c', 'quanlybac', 'quanly'].map((username) => signIn(app, username, company.password)),
    );
    Object.assign(fixture, { app, db, close, admin, company, staffA, staffB, staffC, northManager, salesManager });
  });
  afterAll(() => fixture.close());
  return fixture;
}
