import { Type } from 'typebox';
import type { App } from '../../appType';
import { errorResponses, IdParams, Ok } from '../../../shared/schemas/common';
import { CreateMultiAssignRuleBody, MultiAssignRule, MultiAssignRunResult, UpdateMultiAssignRuleBody } from '../../../shared/schemas/multiAssign';
import { notFound } from '../../errors';
import { requireRole } from '../../plugins/auth';
import { listRules, lockManagedRule } from './repository';
import { runMultiAssignRule } from './runRule';
import { createRule, deleteRule, updateRule } from './service';

const tags = ['automations'];

/** O4 rules (Multi Assigned Account): managers and admins; a manager sees the rules of their department's assignees. */
export async function multiAssignRoutes(app: App): Promise<void> {
  app.addHook('preValidation', async (request) => requireRole(request, 'admin', 'manager'));

  app.get('/api/automations/multi-assign', { schema: { tags, response: { 200: Type.Array(MultiAssignRule), ...errorResponses } } },
    async (request) => listRules(app.db, request.actor));

  app.get('/api/automations/multi-assign/:id', { schema: { tags, params: IdParams, response: { 200: MultiAssignRule, ...errorResponses } } }, async (request) => {
    const [rule] = await listRules(app.db, request.actor, request.params.id);
    if (!rule) throw notFound('Multi-assign rule');
    return rule;
  });

  app.post('/api/automations/multi-assign', { schema: { tags, body: CreateMultiAssignRuleBody, response: { 201: MultiAssignRule, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await app.db.transaction((trx) => createRule(trx, request.actor, request.body))));

  app.patch('/api/automations/multi-assign/:id', { schema: { tags, params: IdParams, body: UpdateMultiAssignRuleBody, response: { 200: MultiAssignRule, ...errorResponses } } },
    async (request) => app.db.transaction((trx) => updateRule(trx, request.actor, request.params.id, request.body)));

  app.delete('/api/automations/multi-assign/:id', { schema: { tags, params: IdParams, response: { 200: Ok, ...errorResponses } } }, async (request) => {
    await app.db.transaction((trx) => deleteRule(trx, request.actor, request.params.id));
    return { ok: true };
  });

  // "Chạy ngay": the scheduler's own run function, now, active or not.
  app.post('/api/automations/multi-assign/:id/run', { schema: { tags, params: IdParams, response: { 200: MultiAssignRunResult, ...errorResponses } } },
    async (request) => app.db.transaction(async (trx) => {
      await lockManagedRule(trx, request.actor, request.params.id);
      return (await runMultiAssignRule(trx, request.actor, request.params.id, 'manual'))!;
    }));
}
