import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isPlainObject } from './isPlainObject.js';
import { parseServerAddress } from './parseServerAddress.js';

export const SETTINGS_FILE_NAME = 'settings.json';

export type SettingsStore = {
  /** The stored server origin, or null when none is stored or the file is unreadable. */
  readServerAddress(): Promise<string | null>;
  writeServerAddress(origin: string): Promise<void>;
};

/** Keeps the shell's settings in `<directory>/settings.json` (the app's userData folder). */
export function createSettingsStore(directory: string): SettingsStore {
  const file = path.join(directory, SETTINGS_FILE_NAME);

  return {
    async readServerAddress() {
      let stored: unknown;
      try {
        stored = JSON.parse(await readFile(file, 'utf8'));
      } catch {
        // Missing, unreadable or damaged: ask for the address again rather than refuse to start.
        return null;
      }
      // The file is outside the app's control, so its value is validated like user input.
      return isPlainObject(stored, ['serverAddress']) ? parseServerAddress(stored.serverAddress) : null;
    },

    async writeServerAddress(origin) {
      if (parseServerAddress(origin) !== origin) throw new Error(`Not a server origin: ${JSON.stringify(origin)}`);
      await mkdir(directory, { recursive: true });
      // Write aside, then rename: a crash mid-write must not leave a half-written file behind.
      const temporary = `${file}.${randomUUID()}.tmp`;
      try {
        await writeFile(temporary, `${JSON.stringify({ serverAddress: origin }, null, 2)}\n`, { mode: 0o600 });
        await rename(temporary, file);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
  };
}
