/** A failed API call: the HTTP status and the server's `{error:{code,message,field}}`; status 0 = no connection. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
