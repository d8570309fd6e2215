import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Serves the built renderer; any non-API GET falls back to index.html (client-side routing). */
export async function registerUi(app: FastifyInstance, uiDir: string): Promise<void> {
  if (!existsSync(path.join(uiDir, 'index.html'))) {
    app.log.warn(`UI not built at ${uiDir}; serving the API only`);
    return;
  }
  await app.register(fastifyStatic, { root: uiDir, prefix: '/', wildcard: false, index: 'index.html' });
  app.get('/*', { schema: { hide: true }, config: { public: true } }, (request, reply) => {
    const path = (request.params as { '*'?: string })['*'] ?? '';
    if (path === 'api' || path.startsWith('api/')) {
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: `No route GET ${request.url.split('?')[0]}` } });
    }
    return reply.sendFile('index.html');
  });
}
