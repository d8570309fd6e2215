import type { Knex } from 'knex';
import type pg from 'pg';

export type RowCursor = {
  /** Up to `count` more rows, each an array in select-list order; fewer (or none) at the end. */
  fetch(count: number): Promise<unknown[][]>;
  /** Stops a FETCH in flight (the client went away while Postgres sorts a million rows). */
  cancel(): Promise<void>;
  /** Closes the cursor and hands the connection back to the pool. */
  close(): Promise<void>;
};

/**
 * A server-side cursor over `query` on a pool connection of its own (DECLARE inside a
 * transaction, FETCH in batches): Postgres keeps the result, this process holds one batch at a
 * time. pg-cursor is not a dependency; DECLARE takes the query's bind parameters as they are.
 */
export async function openCursor(db: Knex, query: Knex.QueryBuilder | Knex.Raw): Promise<RowCursor> {
  const { sql, bindings } = query.toSQL().toNative();
  const client = (await db.client.acquireConnection()) as pg.Client & { processID?: number };
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    try {
      // ROLLBACK also ends a transaction a cancelled FETCH left aborted; it closes the cursor.
      await client.query('ROLLBACK');
      await db.client.releaseConnection(client);
    } catch (error) {
      // A connection in an unknown state is not handed to anyone else: marked as knex marks a
      // broken one, the pool destroys it instead of reusing it.
      (client as { __knex__disposed?: unknown }).__knex__disposed = error;
      await db.client.releaseConnection(client);
    }
  };
  try {
    await client.query('BEGIN READ ONLY');
    await client.query({ text: `DECLARE export_rows NO SCROLL CURSOR FOR ${sql}`, values: bindings as unknown[] });
  } catch (error) {
    await close();
    throw error;
  }
  return {
    fetch: async (count) => (await client.query({ text: `FETCH ${Math.trunc(count)} FROM export_rows`, rowMode: 'array' })).rows as unknown[][],
    cancel: async () => {
      if (closed || !client.processID) return;
      await db.raw('SELECT pg_cancel_backend(?)', [client.processID]);
    },
    close,
  };
}
