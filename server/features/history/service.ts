import type { Knex } from 'knex';
import type { DocumentLine } from '../../../shared/schemas/records';
import type { Actor } from '../../access/actor';
import { customerAccess, ownerAssignable } from '../../access/customerAccess';
import { recordEditable, recordVisible } from '../../access/recordAccess';
import { badRequest, conflict, forbidden, notFound } from '../../errors';
import { writeAudit } from '../audit/writeAudit';
import { findVisibleRecord } from './repository';
import type { RecordKindConfig } from './recordKinds';

type Body = Record<string, unknown> & { customerId?: number; ownerId?: number; date?: string; lines?: DocumentLine[]; version?: number };

function columnValues(config: RecordKindConfig, body: Body): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  if (body.date !== undefined) values.date = body.date;
  if (body.ownerId !== undefined) values.owner_id = body.ownerId;
  for (const [field, column] of Object.entries(config.fields)) {
    if (body[field] !== undefined) values[column] = typeof body[field] === 'string' ? (body[field] as string).trim() : body[field];
  }
  return values;
}

async function checkOwner(trx: Knex, actor: Actor, ownerId: number | undefined): Promise<void> {
  if (ownerId !== undefined && ownerId !== actor.id && !(await ownerAssignable(trx, actor, ownerId))) {
    throw badRequest('The owner must be you or a user you manage', 'ownerId');
  }
}

const linkedDocuments = { contractId: 'contracts', orderId: 'orders' } as const;

/** A payment or order may point only at a contract or order of the same customer. */
async function checkLinkedDocuments(trx: Knex, customerId: number, body: Body): Promise<void> {
  for (const [field, table] of Object.entries(linkedDocuments)) {
    const linkedId = body[field];
    if (typeof linkedId !== 'number') continue;
    const found = await trx(table).where({ id: linkedId, customer_id: customerId }).whereNull('deleted_at').first('id');
    if (!found) throw badRequest(`No such ${table.slice(0, -1)} for this customer`, field);
  }
}

async function replaceLines(trx: Knex, config: RecordKindConfig, recordId: number, lines: DocumentLine[] | undefined): Promise<void> {
  if (!config.linesColumn || lines === undefined) return;
  await trx('document_lines').where(config.linesColumn, recordId).delete();
  if (lines.length === 0) return;
  const productIds = [...new Set(lines.map((line) => line.productId))];
  const [{ n }] = await trx('products').whereIn('id', productIds).whereNull('deleted_at').count<{ n: number }[]>('* as n');
  if (Number(n) < productIds.length) throw badRequest('A product does not exist', 'lines');
  await trx('document_lines').insert(lines.map((line) => ({
    [config.linesColumn!]: recordId, product_id: line.productId, quantity: line.quantity, price: line.price, discount_percent: line.discountPercent ?? 0,
  })));
}

/** Creating a history record needs edit rights on its customer. */
export async function createRecord(db: Knex, actor: Actor, config: RecordKindConfig, body: Body) {
  const id = await db.transaction(async (trx) => {
    const customer = await trx('customers as c').where('c.id', body.customerId!).whereNull('c.deleted_at')
      .first('c.id', trx.raw('? AS editable', [customerAccess(trx, actor).editable()]), trx.raw('? AS readable', [customerAccess(trx, actor).readable()]));
    if (!customer || !customer.readable) throw badRequest('Customer does not exist', 'customerId');
    if (!customer.editable) throw forbidden('This customer is read-only for you');
    await checkOwner(trx, actor, body.ownerId);
    await checkLinkedDocuments(trx, body.customerId!, body);
    const [row] = await trx(config.table).insert({
      ...columnValues(config, body), customer_id: body.customerId, owner_id: body.ownerId ?? actor.id, created_by: actor.id,
    }, ['id']);
    await replaceLines(trx, config, row.id, body.lines);
    await writeAudit(trx, actor.id, 'create', config.kind, [row.id], { customerId: body.customerId });
    return row.id as number;
  });
  return (await findVisibleRecord(db, actor, config, id))!;
}

async function lockEditable(trx: Knex, actor: Actor, config: RecordKindConfig, id: number): Promise<{ version: number; customer_id: number }> {
  const row = await trx(`${config.table} as r`).join('customers as c', 'c.id', 'r.customer_id')
    .where('r.id', id).whereNull('r.deleted_at').whereNull('c.deleted_at')
    .forUpdate('r')
    .first('r.version', 'r.customer_id', trx.raw('? AS visible', [recordVisible(trx, actor, config.kind, config.infoType)]), trx.raw('? AS editable', [recordEditable(trx, actor)]));
  if (!row || !row.visible) throw notFound('Record');
  if (!row.editable) throw forbidden('This record is read-only for you');
  return row;
}

export async function updateRecord(db: Knex, actor: Actor, config: RecordKindConfig, id: number, body: Body) {
  await db.transaction(async (trx) => {
    const current = await lockEditable(trx, actor, config, id);
    if (body.version !== undefined && current.version !== body.version) throw conflict('VERSION_CONFLICT', 'Someone else changed this record; reload it and try again');
    await checkOwner(trx, actor, body.ownerId);
    await checkLinkedDocuments(trx, current.customer_id, body);
    await trx(config.table).where({ id }).update({ ...columnValues(config, body), version: current.version + 1, updated_at: trx.fn.now() });
    await replaceLines(trx, config, id, body.lines);
    const { version: _version, ...changed } = body;
    await writeAudit(trx, actor.id, 'update', config.kind, [id], { fields: Object.keys(changed) });
  });
  return (await findVisibleRecord(db, actor, config, id))!;
}

export async function deleteRecord(db: Knex, actor: Actor, config: RecordKindConfig, id: number): Promise<void> {
  await db.transaction(async (trx) => {
    const current = await lockEditable(trx, actor, config, id);
    await trx(config.table).where({ id }).update({ deleted_at: trx.fn.now(), deleted_by: actor.id, version: current.version + 1 });
    await writeAudit(trx, actor.id, 'delete', config.kind, [id]);
  });
}
