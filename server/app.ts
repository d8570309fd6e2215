import Fastify from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { App } from './appType';
import type { Db } from './db/database';
import { registerErrorHandling } from './plugins/errors';
import { registerOpenApi } from './plugins/openapi';
import { registerUi } from './plugins/ui';
import { registerAuth } from './plugins/auth';
import { registerIdempotency } from './plugins/idempotency';
import { healthRoutes } from './features/health/routes';
import { authRoutes } from './features/auth/routes';
import { userRoutes } from './features/users/routes';
import { departmentRoutes } from './features/departments/routes';
import { classificationRoutes } from './features/classification/routes';
import { customerRoutes } from './features/customers/routes';
import { contactRoutes } from './features/contacts/routes';
import { historyRoutes } from './features/history/routes';
import { opportunityRoutes } from './features/opportunities/routes';
import { productRoutes } from './features/products/routes';
import { preferenceRoutes } from './features/preferences/routes';
import { notificationRoutes } from './features/notifications/routes';
import { settingRoutes } from './features/settings/routes';
import { ownershipRoutes } from './features/ownership/routes';
import { campaignRoutes } from './features/campaigns/routes';
import { multiAssignRoutes } from './features/multiAssign/routes';
import { tierRoutes } from './features/tiers/routes';
import { poolRoutes } from './features/pool/routes';
import { liveRoutes, type LiveOptions } from './live/routes';
import { exportRoutes } from './export/routes';

export type AppOptions = {
  db: Db;
  uiDir?: string;
  sessionHours?: number;
  logger?: boolean | object;
  live?: LiveOptions;
};

/** Builds the Fastify app without listening, so tests can `inject` requests. */
export async function buildApp(options: AppOptions): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 5 * 1024 * 1024,
    // `discriminator`: a body with alternatives picked by a tag is checked against that one alternative.
    ajv: { customOptions: { removeAdditional: true, coerceTypes: 'array', useDefaults: true, allErrors: false, discriminator: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.decorate('db', options.db);
  app.decorate('sessionHours', options.sessionHours ?? 12);

  await registerErrorHandling(app);
  app.addHook('onSend', async (_request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'no-referrer');
  });
  await registerOpenApi(app);
  await registerAuth(app);
  await registerIdempotency(app);
  for (const routes of [healthRoutes, authRoutes, userRoutes, departmentRoutes, classificationRoutes, customerRoutes,
    contactRoutes, historyRoutes, opportunityRoutes, productRoutes, preferenceRoutes, notificationRoutes,
    settingRoutes, ownershipRoutes, campaignRoutes, multiAssignRoutes, tierRoutes, poolRoutes, exportRoutes]) {
    await app.register(routes);
  }
  await app.register(liveRoutes, options.live ?? {});
  if (options.uiDir) await registerUi(app, options.uiDir);
  return app;
}
