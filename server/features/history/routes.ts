import type { App } from '../../appType';
import { errorResponses, IdParams, Ok, Page } from '../../../shared/schemas/common';
import { HistoryListQuery } from '../../../shared/schemas/records';
import { notFound } from '../../errors';
import { listRecords } from './recordList';
import { findVisibleRecord } from './repository';
import { recordKinds } from './recordKinds';
import { createRecord, deleteRecord, updateRecord } from './service';

/** Activities, quotes, contracts, orders and payments: one CRUD shape each, access-checked. */
export async function historyRoutes(app: App): Promise<void> {
  for (const config of recordKinds) {
    const tags = [config.table];
    const { record, create, update } = config.schemas;

    app.get(config.path, { schema: { tags, querystring: HistoryListQuery, response: { 200: Page(record), ...errorResponses } } },
      async (request) => listRecords(app.db, request.actor, config, request.query));

    app.post(config.path, { schema: { tags, body: create, response: { 201: record, ...errorResponses } } },
      async (request, reply) => reply.status(201).send(await createRecord(app.db, request.actor, config, request.body as Record<string, unknown>)));

    app.get(`${config.path}/:id`, { schema: { tags, params: IdParams, response: { 200: record, ...errorResponses } } }, async (request) => {
      const found = await findVisibleRecord(app.db, request.actor, config, request.params.id);
      if (!found) throw notFound('Record');
      return found;
    });

    app.patch(`${config.path}/:id`, { schema: { tags, params: IdParams, body: update, response: { 200: record, ...errorResponses } } },
      async (request) => updateRecord(app.db, request.actor, config, request.params.id, request.body as Record<string, unknown>));

    app.delete(`${config.path}/:id`, { schema: { tags, params: IdParams, response: { 200: Ok, ...errorResponses } } }, async (request) => {
      await deleteRecord(app.db, request.actor, config, request.params.id);
      return { ok: true };
    });
  }
}
