import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { buildApp } from '../../server/app';
import type { App } from '../../server/appType';
import type { Db } from '../../server/db/database';
import { bootstrapAdmin } from '../../server/features/users/bootstrapAdmin';
import { createTestDatabase } from './testDatabase';

export const testAdminPassword = 'Admin-Test-Pw1';

/** The server app on a fresh database with `admin`, not listening (use app.inject). */
export async function createTestApp(options: { uiDir?: string } = {}): Promise<{ app: App; db: Db; close: () => Promise<void> }> {
  const { db } = await createTestDatabase();
  await bootstrapAdmin(db, testAdminPassword);
  const app = await buildApp({ db, uiDir: options.uiDir });
  return {
    app,
    db,
    close: async () => {
      await app.close();
      await db.destroy();
    },
  };
}

/** The full server (API + built UI from dist/renderer) listening on a random loopback port. */
export async function startTestServer(): Promise<{ url: string; adminPassword: string; db: Db; close: () => Promise<void> }> {
  const { app, db, close } = await createTestApp({ uiDir: path.resolve('dist/renderer') });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, adminPassword: testAdminPassword, db, close };
}
