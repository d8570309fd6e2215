import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Db } from './db/database';

/**
 * The Fastify instance every feature's routes register on. It lives apart from `app.ts` (which
 * imports every feature's routes) so routes can name it without an import cycle.
 */
export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    sessionHours: number;
  }
  interface FastifyContextConfig {
    /** Route needs no signed-in user. */
    public?: boolean;
  }
}
