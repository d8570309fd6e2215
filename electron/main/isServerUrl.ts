/** True when `url` belongs to the configured server origin; false for anything else or no server yet. */
export function isServerUrl(url: string, serverOrigin: string | null): boolean {
  if (serverOrigin === null) return false;
  try {
    return new URL(url).origin === serverOrigin;
  } catch {
    return false;
  }
}
