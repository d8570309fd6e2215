import type { Knex } from 'knex';
import type pg from 'pg';

type ConnectionPool = { acquireConnection: () => Promise<pg.Client>; releaseConnection: (connection: pg.Client) => Promise<unknown> };

/** Runs `work` on one pg connection of knex's pool (COPY needs the driver's client, not a query builder). */
export async function withRawConnection<T>(db: Knex, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const pool = db.client as ConnectionPool;
  const client = await pool.acquireConnection();
  try {
    return await work(client);
  } finally {
    await pool.releaseConnection(client);
  }
}
