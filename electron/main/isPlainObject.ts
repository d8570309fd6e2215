/**
 * True for a `{…}` object (not null, an array, a class instance or a buffer) whose own keys are all
 * in `allowedKeys`: an unknown key means the caller misunderstood the API, so it is refused.
 */
export function isPlainObject(value: unknown, allowedKeys: readonly string[]): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  return Object.keys(value).every((key) => allowedKeys.includes(key));
}
