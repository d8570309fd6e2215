import { randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { connectDatabase, ensureDatabase, type Db } from '../../server/db/database';

/** A fresh, migrated database cloned from the run's template, for one test file. */
export async function createTestDatabase(): Promise<{ db: Db; url: string }> {
  const adminUrl = inject('pgAdminUrl');
  const name = `crm_test_${randomBytes(6).toString('hex')}`;
  await ensureDatabase(adminUrl, name, 'crm_template');
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);
  return { db: connectDatabase(url, 10), url };
}

/**
 * For one test file that wants several databases: `freshDatabase()` makes one (createTestDatabase),
 * `connect(url, poolSize)` opens another connection pool to one; afterAll destroys them all.
 */
export function useFreshDatabases(): {
  freshDatabase: () => Promise<{ db: Db; url: string }>;
  connect: (url: string, poolSize: number) => Db;
} {
  const databases: Db[] = [];
  afterAll(async () => {
    await Promise.all(databases.map((db) => db.destroy()));
  });
  const track = (db: Db) => {
    databases.push(db);
    return db;
  };
  return {
    freshDatabase: async () => {
      const database = await createTestDatabase();
      track(database.db);
      return database;
    },
    connect: (url, poolSize) => track(connectDatabase(url, poolSize)),
  };
}
