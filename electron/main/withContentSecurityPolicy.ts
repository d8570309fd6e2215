// The server's UI may load code and data only from the server itself. Inline styles stay allowed
// because AG Grid injects its theme as <style> elements at runtime; inline scripts do not.
export const SERVER_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Returns the response headers with the shell's policy added. A policy the server sent is kept:
 * browsers enforce every policy they get, so the result is never looser than either one.
 */
export function withContentSecurityPolicy(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const result = { ...headers };
  const name = Object.keys(result).find((key) => key.toLowerCase() === 'content-security-policy') ?? 'Content-Security-Policy';
  result[name] = [...(result[name] ?? []), SERVER_CONTENT_SECURITY_POLICY];
  return result;
}
