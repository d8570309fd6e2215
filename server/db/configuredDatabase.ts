import path from 'node:path';
import type { ServerConfig } from '../config';
import { connectDatabase, ensureDatabase, migrateToLatest, type Db } from './database';
import { startEmbeddedPostgres } from './embeddedPostgres';

export type OpenDatabase = { db: Db; close: () => Promise<void> };

/**
 * The database `npm start`, the seed and the bench all use: DATABASE_URL when set, otherwise an
 * embedded Postgres under CRM_DATA_DIR. Migrated to the latest schema before it is returned.
 */
export async function openConfiguredDatabase(config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>, log: (line: string) => void = () => {}): Promise<OpenDatabase> {
  if (config.databaseUrl) {
    const db = connectDatabase(config.databaseUrl);
    await migrateToLatest(db);
    return { db, close: () => db.destroy() };
  }
  log(`Starting embedded Postgres in ${path.join(config.dataDir, 'pg')}\n`);
  const postgres = await startEmbeddedPostgres(config.dataDir);
  await ensureDatabase(postgres.connectionString('postgres'), 'crm');
  const db = connectDatabase(postgres.connectionString('crm'));
  await migrateToLatest(db);
  return {
    db,
    close: async () => {
      await db.destroy();
      await postgres.stop();
    },
  };
}
