import { Type } from 'typebox';
import type { App } from '../../appType';
import { Count, errorResponses, IdParams, Ok, Paging } from '../../../shared/schemas/common';
import {
  BulkDeleteBody, BulkEditBody, BulkEditResult, BulkGroupsBody, CreateCustomerBody, Customer, CustomerListQuery, CustomerPage, CustomerShare, DeletedCustomerPage,
  DuplicateCheckBody, DuplicateMatches, MassUpdateBody, MassUpdateResult, OwnershipChange, UpdateCustomerBody,
} from '../../../shared/schemas/customers';
import { forbidden, notFound } from '../../errors';
import { listPage } from '../../list/listEngine';
import { runBulkEdit } from './bulkEdit';
import { changeGroupsInBulk } from './bulkGroups';
import { deleteCustomersInBulk } from './bulkDelete';
import { findDuplicates } from './duplicates';
import { listCustomers } from './listCustomers';
import { massUpdateCustomers } from './massUpdate';
import { deletedCustomerList, listCustomerShares, listOwnershipHistory } from './relatedLists';
import { findReadableCustomer } from './repository';
import { createCustomer, deleteCustomer, restoreCustomer, updateCustomer } from './service';

const tags = ['customers'];

export async function customerRoutes(app: App): Promise<void> {
  const readable = async (actor: Parameters<typeof findReadableCustomer>[1], id: number) => {
    const customer = await findReadableCustomer(app.db, actor, id);
    if (!customer) throw notFound('Customer');
    return customer;
  };

  app.get('/api/customers', { schema: { tags, querystring: CustomerListQuery, response: { 200: CustomerPage, ...errorResponses } } },
    async (request) => listCustomers(app.db, request.actor, request.query));

  app.post('/api/customers', { schema: { tags, body: CreateCustomerBody, response: { 201: Customer, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await createCustomer(app.db, request.actor, request.body)));

  // Duplicate warning (issue 10): who else has this tax code, phone or email; hidden customers answer `customer: null`.
  app.post('/api/customers/duplicates', { schema: { tags, body: DuplicateCheckBody, response: { 200: DuplicateMatches, ...errorResponses } } },
    async (request) => findDuplicates(app.db, request.actor, request.body));

  app.get('/api/customers/:id', { schema: { tags, params: IdParams, response: { 200: Customer, ...errorResponses } } },
    async (request) => readable(request.actor, request.params.id));

  app.patch('/api/customers/:id', { schema: { tags, params: IdParams, body: UpdateCustomerBody, response: { 200: Customer, ...errorResponses } } },
    async (request) => updateCustomer(app.db, request.actor, request.params.id, request.body));

  app.delete('/api/customers/:id', { schema: { tags, params: IdParams, response: { 200: Ok, ...errorResponses } } }, async (request) => {
    await deleteCustomer(app.db, request.actor, request.params.id);
    return { ok: true };
  });

  app.post('/api/customers/:id/restore', { schema: { tags, params: IdParams, response: { 200: Customer, ...errorResponses } } },
    async (request) => restoreCustomer(app.db, request.actor, request.params.id));

  app.get('/api/recycle-bin/customers', { schema: { tags, querystring: Type.Object(Paging), response: { 200: DeletedCustomerPage, ...errorResponses } } },
    async (request) => listPage(app.db, request.actor, deletedCustomerList, {}, { offset: request.query.offset, limit: request.query.limit }));

  app.post('/api/customers/groups', { schema: { tags, body: BulkGroupsBody, response: { 200: Count, ...errorResponses } } },
    async (request) => changeGroupsInBulk(app.db, request.actor, request.body));

  app.post('/api/customers/mass-update', { schema: { tags, body: MassUpdateBody, response: { 200: MassUpdateResult, ...errorResponses } } },
    async (request) => app.db.transaction((trx) => massUpdateCustomers(trx, request.actor, request.body)));

  // A paste down a column: one versioned edit per row, all or nothing (dryRun: checked, not written).
  app.post('/api/customers/bulk-edit', { schema: { tags, body: BulkEditBody, response: { 200: BulkEditResult, ...errorResponses } } },
    async (request) => runBulkEdit(app.db, request.actor, request.body));

  app.post('/api/customers/delete', { schema: { tags, body: BulkDeleteBody, response: { 200: Count, ...errorResponses } } },
    async (request) => deleteCustomersInBulk(app.db, request.actor, request.body));

  app.get('/api/customers/:id/shares', { schema: { tags, params: IdParams, response: { 200: Type.Array(CustomerShare), ...errorResponses } } }, async (request) => {
    const customer = await readable(request.actor, request.params.id);
    if (customer.access !== 'edit') throw forbidden('Only the owner, their managers and admins see who a customer is shared with');
    return listCustomerShares(app.db, request.params.id);
  });

  app.get('/api/customers/:id/history', { schema: { tags, params: IdParams, response: { 200: Type.Array(OwnershipChange), ...errorResponses } } }, async (request) => {
    const customer = await readable(request.actor, request.params.id);
    if (customer.access !== 'edit') throw forbidden('Only the owner, their managers and admins see the history');
    return listOwnershipHistory(app.db, request.params.id);
  });
}
