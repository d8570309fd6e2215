/** The query of the hash route: `#/customers?batch=12` → `batch=12` (notification links, see useHashLink). */
export function hashQuery(): URLSearchParams {
  const hash = window.location.hash;
  const start = hash.indexOf('?');
  return new URLSearchParams(start < 0 ? '' : hash.slice(start + 1));
}
