import { Type, type Static, type TProperties, type TSchema } from 'typebox';

/** Database ids: positive integers that fit both a JS number and a Postgres bigint. */
export const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
export const IdParams = Type.Object({ id: Id });
export const IdList = Type.Array(Id, { minItems: 1, maxItems: 100000, uniqueItems: true });

/** Matches text with at least one visible character (not only spaces or zero-width characters). */
export const visibleText = '[^\\s\\u200B-\\u200D\\u2060\\uFEFF]';
export const Name = Type.String({ minLength: 1, maxLength: 255, pattern: visibleText });
export const ShortText = Type.String({ maxLength: 255 });
export const LongText = Type.String({ maxLength: 4000 });
export const Email = Type.String({ maxLength: 255, format: 'email' });
export const Phone = Type.String({ maxLength: 40, pattern: '^[0-9+()\\-. ]*$' });
export const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 50, uniqueItems: true });
/** A calendar day, `YYYY-MM-DD`. */
export const DateOnly = Type.String({ format: 'date' });
export const Money = Type.Number({ minimum: 0, maximum: 1e15 });
export const Version = Type.Integer({ minimum: 1, maximum: 2147483647 });

export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    field: Type.Optional(Type.String()),
  }),
});
export type ErrorBody = Static<typeof ErrorBody>;

export const Paging = {
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000, default: 0 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
};

export function Page<T extends TSchema>(row: T) {
  // totalEstimated: the first page of a search matching many rows comes before its count (the
  // planner's estimate stands in; asking again gets the exact total).
  return Type.Object({ rows: Type.Array(row), total: Type.Integer(), totalEstimated: Type.Optional(Type.Boolean()) });
}

export const Ok = Type.Object({ ok: Type.Boolean() });
export const Count = Type.Object({ updated: Type.Integer() });

/** The error responses every authenticated route can give; spread into `response`. */
export const errorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
};

/**
 * `null` or the schema. Null comes first: the validator coerces types (query strings), and with the
 * schema first a JSON `null` would be coerced into it (`""` for a string) before `null` is tried.
 */
export function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([Type.Null(), schema]);
}

/**
 * An object that refuses fields it does not know with a 400 naming them. The validator runs with
 * `removeAdditional`, so `additionalProperties: false` would drop a misspelt field silently (a
 * misspelt filter key would widen an export, a misspelt rule field would save another rule).
 */
export function Strict<T extends TProperties>(properties: T) {
  return Type.Object(properties, { additionalProperties: Type.Never() });
}
