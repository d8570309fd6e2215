import type { Knex } from 'knex';
import type { Contact, CreateContactBody, UpdateContactBody } from '../../../shared/schemas/contacts';
import type { Actor } from '../../access/actor';
import { customerAccess } from '../../access/customerAccess';
import { columnValues } from '../../db/columnValues';
import { badRequest, conflict, forbidden, notFound } from '../../errors';
import { inIdOrder, type ListSource } from '../../list/listEngine';
import { writeAudit } from '../audit/writeAudit';

type ContactRow = {
  id: number; customer_id: number; last_name: string; first_name: string; email: string | null; phone: string | null;
  position: string | null; tags: string[]; version: number; created_at: Date; updated_at: Date;
};

const toContact = (row: ContactRow): Contact => ({
  id: row.id, customerId: row.customer_id, lastName: row.last_name, firstName: row.first_name, email: row.email, phone: row.phone,
  position: row.position, tags: row.tags, version: row.version, createdAt: row.created_at.toISOString(), updatedAt: row.updated_at.toISOString(),
});

/** Contacts are visible to whoever sees the customer's contacts (owner, managers, admins, shares with "contacts"). */
function visibleContacts(db: Knex, actor: Actor): Knex.QueryBuilder {
  return db('contacts as k').join('customers as c', 'c.id', 'k.customer_id')
    .whereNull('k.deleted_at').whereNull('c.deleted_at')
    .where(customerAccess(db, actor).infoVisible('contacts'));
}

/**
 * The contact list (list engine), by first name, last name, id: all visible contacts, or one
 * customer's (`customerId`).
 */
export const contactList: ListSource<{ customerId?: number }, Contact> = {
  name: 'contacts',
  // Contacts, and the customers, shares, users and departments that decide who sees them.
  versionedBy: ['crm_list_version_contacts', 'crm_list_version'],
  idColumn: 'k.id',
  rows: (db, actor, filter) => visibleContacts(db, actor).modify((q) => { if (filter.customerId !== undefined) q.where('k.customer_id', filter.customerId); }),
  sortModel: () => ({
    columns: { firstName: { expression: 'k.first_name', cast: 'text', nullable: false }, lastName: { expression: 'k.last_name', cast: 'text', nullable: false } },
    defaultSort: 'firstName:asc,lastName:asc',
    id: { expression: 'k.id', cast: 'bigint', nullable: false },
  }),
  hasTextSearch: () => false,
  load: async (db, _actor, ids) => {
    const rows: ContactRow[] = await inIdOrder(db('contacts as k'), 'k.id', ids).select('k.*');
    return rows.map(toContact);
  },
};

export async function findContact(db: Knex, actor: Actor, id: number): Promise<Contact | undefined> {
  const row: ContactRow | undefined = await visibleContacts(db, actor).where('k.id', id).first('k.*');
  return row ? toContact(row) : undefined;
}

const columnOf = { lastName: 'last_name', firstName: 'first_name', email: 'email', phone: 'phone', position: 'position', tags: 'tags' } as const;

export async function createContact(db: Knex, actor: Actor, body: CreateContactBody): Promise<Contact> {
  const id = await db.transaction(async (trx) => {
    const access = customerAccess(trx, actor);
    const customer = await trx('customers as c').where('c.id', body.customerId).whereNull('c.deleted_at')
      .first(trx.raw('? AS editable', [access.editable()]), trx.raw('? AS readable', [access.readable()]));
    if (!customer?.readable) throw badRequest('Customer does not exist', 'customerId');
    if (!customer.editable) throw forbidden('This customer is read-only for you');
    const [row] = await trx('contacts').insert({ ...columnValues(columnOf, body), customer_id: body.customerId, created_by: actor.id }, ['id']);
    await writeAudit(trx, actor.id, 'create', 'contact', [row.id], { customerId: body.customerId });
    return row.id as number;
  });
  return (await findContact(db, actor, id))!;
}

async function lockEditable(trx: Knex, actor: Actor, id: number, deleted = false): Promise<{ version: number }> {
  const access = customerAccess(trx, actor);
  const row = await trx('contacts as k').join('customers as c', 'c.id', 'k.customer_id')
    .where('k.id', id).whereNull('c.deleted_at').forUpdate('k')
    .modify((q) => (deleted ? q.whereNotNull('k.deleted_at') : q.whereNull('k.deleted_at')))
    .first('k.version', trx.raw('? AS visible', [access.infoVisible('contacts')]), trx.raw('? AS editable', [access.editable()]));
  if (!row?.visible) throw notFound('Contact');
  if (!row.editable) throw forbidden('This contact is read-only for you');
  return row;
}

export async function updateContact(db: Knex, actor: Actor, id: number, body: UpdateContactBody): Promise<Contact> {
  await db.transaction(async (trx) => {
    const current = await lockEditable(trx, actor, id);
    if (body.version !== undefined && current.version !== body.version) throw conflict('VERSION_CONFLICT', 'Someone else changed this contact; reload it and try again');
    await trx('contacts').where({ id }).update({ ...columnValues(columnOf, body), version: current.version + 1, updated_at: trx.fn.now() });
    await writeAudit(trx, actor.id, 'update', 'contact', [id]);
  });
  return (await findContact(db, actor, id))!;
}

/** To the recycle bin, like customers. */
export async function deleteContact(db: Knex, actor: Actor, id: number): Promise<void> {
  await db.transaction(async (trx) => {
    const current = await lockEditable(trx, actor, id);
    await trx('contacts').where({ id }).update({ deleted_at: trx.fn.now(), deleted_by: actor.id, version: current.version + 1 });
    await writeAudit(trx, actor.id, 'delete', 'contact', [id]);
  });
}

/** Back from the recycle bin, for whoever may edit its customer. */
export async function restoreContact(db: Knex, actor: Actor, id: number): Promise<Contact> {
  await db.transaction(async (trx) => {
    const current = await lockEditable(trx, actor, id, true);
    await trx('contacts').where({ id }).update({ deleted_at: null, deleted_by: null, version: current.version + 1, updated_at: trx.fn.now() });
    await writeAudit(trx, actor.id, 'restore', 'contact', [id]);
  });
  return (await findContact(db, actor, id))!;
}
