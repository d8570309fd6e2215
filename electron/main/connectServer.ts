import type { SetupConnectResult } from '../preload/ipcChannels.js';
import type { HealthResult } from './checkServerHealth.js';
import { parseServerAddress } from './parseServerAddress.js';
import { vi } from './vi.js';

export type ConnectServerDeps = {
  checkHealth(origin: string): Promise<HealthResult>;
  saveServerAddress(origin: string): Promise<void>;
};

/**
 * What "Kết nối" on the setup page does: validate the typed address, make sure a CRM server answers
 * there, and only then remember it. Every failure is a message for the user.
 */
export async function connectServer(input: unknown, deps: ConnectServerDeps): Promise<SetupConnectResult> {
  const origin = parseServerAddress(input);
  if (origin === null) return { ok: false, message: vi.invalidServerAddress };

  const health = await deps.checkHealth(origin);
  if (!health.ok) return health;

  try {
    await deps.saveServerAddress(origin);
  } catch (error) {
    console.error('Could not save the server address:', error);
    return { ok: false, message: vi.settingsNotSaved };
  }
  return { ok: true, origin };
}
