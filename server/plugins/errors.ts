import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError } from '../errors';
import { registerJsonBody } from './jsonBody';

type PgError = { code?: string; constraint?: string; column?: string; detail?: string };

/** Unique indexes → the API field a duplicate value came from. */
const uniqueFields: Record<string, string> = {
  customers_code: 'code', users_username: 'username', products_code: 'code', customer_types_name: 'name', customer_groups_name: 'name', care_statuses_name: 'name',
  campaigns_name: 'name', tiers_name: 'name', lost_reasons_name: 'name',
};

/** Postgres errors that bad input can still reach past the schemas, mapped to client errors. */
function fromPostgres(error: PgError): AppError | undefined {
  switch (error.code) {
    case '23505':
      return new AppError(409, 'DUPLICATE', 'A record with this value already exists', error.constraint ? uniqueFields[error.constraint] : undefined);
    case '23503':
      return new AppError(400, 'INVALID_REFERENCE', 'A referenced record does not exist');
    case '23514':
    case '23502':
      return new AppError(400, 'VALIDATION_ERROR', 'A value is not allowed', error.column);
    case '22001':
    case '22003':
    case '22007':
    case '22008':
    case '22021':
    case '22P02':
      return new AppError(400, 'VALIDATION_ERROR', 'A value is malformed or out of range');
    default:
      return undefined;
  }
}

function validationField(error: FastifyError): string | undefined {
  const first = error.validation?.[0];
  if (!first) return undefined;
  const { missingProperty, tag } = first.params as { missingProperty?: string; tag?: string };
  const path = first.instancePath.replace(/^\//, '').replace(/\//g, '.');
  return [path, missingProperty ?? tag].filter(Boolean).join('.') || undefined;
}

/** An unknown field of a `Strict` object fails its `additionalProperties: {not: {}}`: say so plainly. */
function validationMessage(error: FastifyError): string {
  const first = error.validation?.[0];
  if (first?.keyword === 'not' && first.schemaPath.endsWith('/additionalProperties/not')) return 'unknown field';
  return first?.message ?? 'bad value';
}

export async function registerErrorHandling(app: FastifyInstance): Promise<void> {
  // JSON bodies as Fastify reads them, but an empty one is {} (SPEC, contract details).
  registerJsonBody(app);
  app.setErrorHandler((error: FastifyError & PgError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.statusCode).send({ error: { code: error.code, message: error.message, field: error.field } });
    }
    if (error.validation) {
      const field = validationField(error);
      const where = error.validationContext ?? 'request';
      const message = `Invalid ${where}${field ? ` field "${field}"` : ''}: ${validationMessage(error)}`;
      return reply.status(400).send({ error: { code: 'VALIDATION_ERROR', message, field } });
    }
    const mapped = fromPostgres(error);
    if (mapped) return reply.status(mapped.statusCode).send({ error: { code: mapped.code, message: mapped.message, field: mapped.field } });
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = status === 400 ? 'BAD_REQUEST' : status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : status === 429 ? 'TOO_MANY_REQUESTS' : 'CLIENT_ERROR';
      return reply.status(status).send({ error: { code, message: error.message } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: 'Internal server error' } });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ error: { code: 'NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0]}` } });
  });

  // Postgres rejects NUL in text; refuse it up front so hostile input is a 400, never a 500.
  app.addHook('preValidation', async (request) => {
    if (containsNul(request.body) || containsNul(request.query)) {
      throw new AppError(400, 'VALIDATION_ERROR', 'Text must not contain NUL characters');
    }
  });
}

function containsNul(value: unknown, depth = 0): boolean {
  if (depth > 20) return false;
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some((item) => containsNul(item, depth + 1));
  if (value && typeof value === 'object') {
    return Object.entries(value).some(([key, item]) => key.includes('\u0000') || containsNul(item, depth + 1));
  }
  return false;
}
