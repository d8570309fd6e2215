import type { App } from '../../appType';
import { errorResponses, IdParams, Ok, Page } from '../../../shared/schemas/common';
import { Contact, ContactListQuery, CreateContactBody, UpdateContactBody } from '../../../shared/schemas/contacts';
import { notFound } from '../../errors';
import { listPage } from '../../list/listEngine';
import { contactList, createContact, deleteContact, findContact, restoreContact, updateContact } from './service';

const tags = ['contacts'];

export async function contactRoutes(app: App): Promise<void> {
  app.get('/api/contacts', { schema: { tags, querystring: ContactListQuery, response: { 200: Page(Contact), ...errorResponses } } },
    async (request) => listPage(app.db, request.actor, contactList, { customerId: request.query.customerId }, { offset: request.query.offset, limit: request.query.limit }));

  app.post('/api/contacts', { schema: { tags, body: CreateContactBody, response: { 201: Contact, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await createContact(app.db, request.actor, request.body)));

  app.get('/api/contacts/:id', { schema: { tags, params: IdParams, response: { 200: Contact, ...errorResponses } } }, async (request) => {
    const contact = await findContact(app.db, request.actor, request.params.id);
    if (!contact) throw notFound('Contact');
    return contact;
  });

  app.patch('/api/contacts/:id', { schema: { tags, params: IdParams, body: UpdateContactBody, response: { 200: Contact, ...errorResponses } } },
    async (request) => updateContact(app.db, request.actor, request.params.id, request.body));

  app.post('/api/contacts/:id/restore', { schema: { tags, params: IdParams, response: { 200: Contact, ...errorResponses } } },
    async (request) => restoreContact(app.db, request.actor, request.params.id));

  app.delete('/api/contacts/:id', { schema: { tags, params: IdParams, response: { 200: Ok, ...errorResponses } } }, async (request) => {
    await deleteContact(app.db, request.actor, request.params.id);
    return { ok: true };
  });
}
