import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { connectDatabase, ensureDatabase, type Db } from '../../server/db/database';

/** A fresh, migrated database cloned from the run's template, for one test file. */
export async function createTestDatabase(): Promise<{ db: Db; url: string }> {
  const adminUrl = inject('pgAdminUrl');
  const name = `crm_test_${randomBytes(6).toString('hex')}`;
  await ensureDatabase(adminUrl, name, 'crm_template');
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);
  return { db: connectDatabase(url, 10), url };
}
