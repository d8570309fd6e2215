import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';

/** Publishes the OpenAPI document generated from the route schemas at GET /api/openapi.json. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'CRM API', version: '1.0.0', description: 'CRM desktop server API (see SPEC.md)' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger());
}
