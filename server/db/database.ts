import knexFactory, { type Knex } from 'knex';
import pg from 'pg';
import { migrationSource } from '../migrations/index';

// bigint ids and counts fit in a JS number; numeric money is VND (no fractions that matter);
// calendar dates stay 'YYYY-MM-DD' strings so no timezone ever shifts them.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export type Db = Knex;

export function connectDatabase(connectionString: string, poolMax = 20): Db {
  return knexFactory({
    client: 'pg',
    connection: { connectionString, application_name: 'crm-server' },
    pool: { min: 0, max: poolMax },
    migrations: { migrationSource, tableName: 'knex_migrations' },
  });
}

export async function migrateToLatest(db: Db): Promise<void> {
  await db.migrate.latest();
}

/** Creates `database` on the cluster reached by `adminConnectionString` unless it exists. */
export async function ensureDatabase(adminConnectionString: string, database: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminConnectionString });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      const from = template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : '';
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}${from} ENCODING 'UTF8'`);
    }
  } finally {
    await client.end();
  }
}
