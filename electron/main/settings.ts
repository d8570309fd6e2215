import { app, net } from 'electron';
import type { SetupConnectResult } from '../preload/ipcChannels.js';
import { checkServerHealth } from './checkServerHealth.js';
import { connectServer } from './connectServer.js';
import { createSettingsStore } from './settingsStore.js';

const HEALTH_TIMEOUT_MS = 5_000;

export type ServerSettings = {
  /** The remembered server origin, or null on first launch. */
  load(): Promise<string | null>;
  /** Validates, health-checks and remembers an address typed on the setup page. */
  connect(input: unknown): Promise<SetupConnectResult>;
};

/** The server address setting, kept in the app's userData folder. */
export function createServerSettings(): ServerSettings {
  const store = createSettingsStore(app.getPath('userData'));
  return {
    load: () => store.readServerAddress(),
    connect: (input) =>
      connectServer(input, {
        // net.fetch goes through Chromium's network stack: the same proxy settings the window will use.
        checkHealth: (origin) => checkServerHealth(origin, (url, init) => net.fetch(url, init), HEALTH_TIMEOUT_MS),
        saveServerAddress: (origin) => store.writeServerAddress(origin),
      }),
  };
}
