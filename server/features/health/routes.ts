import { Type } from 'typebox';
import type { App } from '../../appType';

export async function healthRoutes(app: App): Promise<void> {
  app.get('/api/health', {
    config: { public: true },
    schema: {
      tags: ['system'],
      security: [],
      response: { 200: Type.Object({ status: Type.Literal('ok') }), 503: Type.Object({ status: Type.Literal('starting') }) },
    },
  }, async (_request, reply) => {
    try {
      await app.db.raw('SELECT 1');
      return { status: 'ok' as const };
    } catch {
      return reply.status(503).send({ status: 'starting' as const });
    }
  });
}
