import type { Knex } from 'knex';

/** Appends to the audit log inside the caller's transaction. */
export async function writeAudit(trx: Knex, userId: number | null, action: string, entity: string, entityIds: number[], detail: object = {}): Promise<void> {
  await trx('audit_log').insert({ user_id: userId, action, entity, entity_ids: entityIds, detail: JSON.stringify(detail) });
}
