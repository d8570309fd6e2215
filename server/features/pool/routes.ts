import type { App } from '../../appType';
import { errorResponses } from '../../../shared/schemas/common';
import {
  PoolAddBody, PoolAddResult, PoolAssignBody, PoolAssignResult, PoolClaimBody, PoolClaimError, PoolClaimResult, PoolClaimsToday,
  PoolRunBody, PoolRunResult, PoolSettingsBody, PoolSettingsView,
} from '../../../shared/schemas/pool';
import { forbidden } from '../../errors';
import { requireRole } from '../../plugins/auth';
import { claimFromPool, claimsToday, PoolClaimLimitError } from './claim';
import { addToPool, assignFromPool } from './manualMoves';
import { runPool } from './runPool';
import { readPoolSettings, savePoolSettings, setPoolRunning } from './settingsService';

const tags = ['pool'];
// Before the body is validated, so a non-admin hears 403 whatever they send.
const adminsOnly = { preValidation: async (request: Parameters<typeof requireRole>[0]) => requireRole(request, 'admin') };
const settingsResponse = { 200: PoolSettingsView, ...errorResponses };

/** Khách hàng chung (SPEC P1–P3): settings and schedule (admins), run / preview, claim, manual moves. */
export async function poolRoutes(app: App): Promise<void> {
  app.get('/api/pool/settings', { schema: { tags, response: settingsResponse } }, async () => readPoolSettings(app.db));

  app.put('/api/pool/settings', { ...adminsOnly, schema: { tags, body: PoolSettingsBody, response: settingsResponse } },
    async (request) => app.db.transaction((trx) => savePoolSettings(trx, request.actor, request.body)));

  app.post('/api/pool/start', { ...adminsOnly, schema: { tags, response: settingsResponse } },
    async (request) => app.db.transaction((trx) => setPoolRunning(trx, request.actor, true)));

  app.post('/api/pool/stop', { ...adminsOnly, schema: { tags, response: settingsResponse } },
    async (request) => app.db.transaction((trx) => setPoolRunning(trx, request.actor, false)));

  // Reset = run now: the scheduled job's function in this request's transaction. A dry run is for
  // everyone and lists only customers the caller may read.
  app.post('/api/pool/run', { schema: { tags, body: PoolRunBody, response: { 200: PoolRunResult, ...errorResponses } } }, async (request) => {
    const { dryRun = false, asOf } = request.body;
    if (!dryRun && request.actor.role !== 'admin') throw forbidden('Chỉ quản trị viên được chạy quy tắc Khách hàng chung');
    return app.db.transaction((trx) => runPool(trx, request.actor, { dryRun, asOf, trigger: 'manual' }));
  });

  app.post('/api/pool/claim', { schema: { tags, body: PoolClaimBody, response: { 200: PoolClaimResult, ...errorResponses, 409: PoolClaimError } } },
    async (request, reply) => {
      try {
        return await app.db.transaction((trx) => claimFromPool(trx, request.actor, request.body));
      } catch (caught) {
        if (!(caught instanceof PoolClaimLimitError)) throw caught;
        return reply.status(409).send({ error: { code: caught.code, message: caught.message, remaining: caught.remaining } });
      }
    });

  app.get('/api/pool/claims/today', { schema: { tags, response: { 200: PoolClaimsToday, ...errorResponses } } },
    async (request) => claimsToday(app.db, request.actor));

  app.post('/api/pool/add', { schema: { tags, body: PoolAddBody, response: { 200: PoolAddResult, ...errorResponses } } },
    async (request) => app.db.transaction((trx) => addToPool(trx, request.actor, request.body)));

  app.post('/api/pool/assign', { schema: { tags, body: PoolAssignBody, response: { 200: PoolAssignResult, ...errorResponses } } },
    async (request) => app.db.transaction((trx) => assignFromPool(trx, request.actor, request.body)));
}
