import type { FastifyInstance } from 'fastify';

/**
 * JSON bodies as Fastify reads them (prototype-poisoning protection, 400 on malformed JSON),
 * except that an empty or whitespace-only body is `{}`: a client that always sends
 * `content-type: application/json` may send a bare DELETE or a body-less POST (SPEC, contract details).
 */
export function registerJsonBody(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (text.trim() === '') {
      done(null, {});
      return;
    }
    parseJson(request, text, done);
  });
}
