import path from 'node:path';
import type { ServerConfig } from '../config';
import { connectDatabase, ensureDatabase, migrateToLatest, type Db } from './database';
import { startEmbeddedPostgres } from './embeddedPostgres';

/** `url`: for other processes on the same database (the bench's server processes). */
export type OpenDatabase = { db: Db; url: string; close: () => Promise<void> };

/**
 * The database `npm start`, the seed and the bench all use: DATABASE_URL when set, otherwise an
 * embedded Postgres under CRM_DATA_DIR. Migrated to the latest schema before it is returned.
 */
export async function openConfiguredDatabase(config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>, log: (line: string) => void = () => {}): Promise<OpenDatabase> {
  if (config.databaseUrl) {
    const db = connectDatabase(config.databaseUrl);
    await migrateToLatest(db);
    return { db, url: config.databaseUrl, close: () => db.destroy() };
  }
  log(`Starting embedded Postgres in ${path.join(config.dataDir, 'pg')}\n`);
  const postgres = await startEmbeddedPostgres(config.dataDir);
  await ensureDatabase(postgres.connectionString('postgres'), 'crm');
  const url = postgres.connectionString('crm');
  const db = connectDatabase(url);
  await migrateToLatest(db);
  return {
    db,
    url,
    close: async () => {
      await db.destroy();
      await postgres.stop();
    },
  };
}
