import type pg from 'pg';

export type DeferredDefinition = { table: string; name: string; kind: 'index' | 'foreign key'; definition: string };

/**
 * Secondary indexes of `tables` and every foreign key on or pointing at them, read from the
 * catalog (pg_indexes, pg_constraint) so the migration stays the one source of truth. Primary
 * keys and indexes that back constraints stay in place.
 */
export async function readDeferrableDefinitions(client: pg.ClientBase, tables: readonly string[]): Promise<DeferredDefinition[]> {
  const indexes = await client.query<{ table: string; name: string; definition: string }>(
    `SELECT ix.tablename AS table, ix.indexname AS name, ix.indexdef AS definition
       FROM pg_indexes ix
       JOIN pg_class ic ON ic.relname = ix.indexname AND ic.relnamespace = ix.schemaname::regnamespace
       JOIN pg_index i ON i.indexrelid = ic.oid
      WHERE ix.schemaname = current_schema() AND ix.tablename = ANY($1) AND NOT i.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x'))
      ORDER BY ix.tablename, ix.indexname`,
    [tables],
  );
  const foreignKeys = await client.query<{ table: string; name: string; definition: string }>(
    `SELECT k.conrelid::regclass::text AS table, k.conname AS name, pg_get_constraintdef(k.oid) AS definition
       FROM pg_constraint k
      WHERE k.contype = 'f' AND k.connamespace = current_schema()::regnamespace
        AND (k.conrelid::regclass::text = ANY($1) OR k.confrelid::regclass::text = ANY($1))
      ORDER BY 1, 2`,
    [tables],
  );
  return [
    ...indexes.rows.map((row) => ({ ...row, kind: 'index' as const })),
    ...foreignKeys.rows.map((row) => ({ ...row, kind: 'foreign key' as const })),
  ];
}

/** Drops foreign keys first (they may depend on nothing we drop), then the indexes. */
export async function dropDefinitions(client: pg.ClientBase, definitions: readonly DeferredDefinition[]): Promise<void> {
  for (const item of definitions.filter((d) => d.kind === 'foreign key')) {
    await client.query(`ALTER TABLE ${item.table} DROP CONSTRAINT ${client.escapeIdentifier(item.name)}`);
  }
  for (const item of definitions.filter((d) => d.kind === 'index')) {
    await client.query(`DROP INDEX ${client.escapeIdentifier(item.name)}`);
  }
}

/**
 * Recreates indexes (each built in one sorted pass, with parallel workers), then foreign keys
 * (each validated by one join instead of a trigger per row). Reports the time per definition.
 */
export async function restoreDefinitions(
  client: pg.ClientBase,
  definitions: readonly DeferredDefinition[],
  onDone: (item: DeferredDefinition, ms: number) => void,
): Promise<void> {
  const ordered = [...definitions.filter((d) => d.kind === 'index'), ...definitions.filter((d) => d.kind === 'foreign key')];
  for (const item of ordered) {
    const started = performance.now();
    if (item.kind === 'index') await client.query(item.definition);
    else await client.query(`ALTER TABLE ${item.table} ADD CONSTRAINT ${client.escapeIdentifier(item.name)} ${item.definition}`);
    onDone(item, performance.now() - started);
  }
}
