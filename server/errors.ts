/** A failure the client caused or may act on; the error handler turns it into `{error:{code,message}}`. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, field?: string) => new AppError(400, 'VALIDATION_ERROR', message, field);
export const unauthorized = (message = 'Sign in required') => new AppError(401, 'UNAUTHORIZED', message);
export const forbidden = (message = 'You do not have permission for this') => new AppError(403, 'FORBIDDEN', message);
export const notFound = (what = 'Record') => new AppError(404, 'NOT_FOUND', `${what} not found`);
export const conflict = (code: string, message: string) => new AppError(409, code, message);

/**
 * 409 of an edit sent with a stale `version`: names who made the current version and when. The UI
 * reloads the record and says the same from it (`updatedByName`, `updatedAt`) in the user's language.
 */
export const versionConflict = (what: string, change: { by: string | null; at: Date } | undefined) =>
  conflict('VERSION_CONFLICT', `${change?.by ?? 'Someone else'} changed this ${what}${change ? ` at ${change.at.toISOString()}` : ''}; reload it and try again`);
