import { mkdtemp, rm, chmod } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { connectDatabase, ensureDatabase, migrateToLatest } from '../../server/db/database';
import { startEmbeddedPostgres } from '../../server/db/embeddedPostgres';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

/**
 * One embedded Postgres cluster for the whole run, with a migrated template database;
 * each test file clones its own fresh database from it (tests/support/testDatabase.ts).
 */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'crm-test-'));
  await chmod(dir, 0o777);
  const postgres = await startEmbeddedPostgres(path.join(dir, 'data'));
  const adminUrl = postgres.connectionString('postgres');
  await ensureDatabase(adminUrl, 'crm_template');
  const template = connectDatabase(postgres.connectionString('crm_template'));
  await migrateToLatest(template);
  await template.destroy();
  project.provide('pgAdminUrl', adminUrl);
  return async () => {
    await postgres.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
