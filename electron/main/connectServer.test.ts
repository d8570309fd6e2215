import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { checkServerHealth } from './checkServerHealth.js';
import { connectServer, type ConnectServerDeps } from './connectServer.js';
import { createSettingsStore } from './settingsStore.js';
import { startTestServer } from '../testing/testServer.js';
import { vi as texts } from './vi.js';

function deps(health: Awaited<ReturnType<ConnectServerDeps['checkHealth']>>) {
  return {
    checkHealth: vi.fn(async (_origin: string) => health),
    saveServerAddress: vi.fn(async (_origin: string) => undefined),
  };
}

describe('connectServer', () => {
  it('checks a live CRM server, remembers its origin and uses it after a restart', async () => {
    const server = await startTestServer((request, response) => {
      if (request.url === '/api/health') response.writeHead(200).end('{"status":"ok"}');
      else response.writeHead(404).end();
    });
    const directory = await mkdtemp(path.join(tmpdir(), 'crm-connect-'));
    try {
      const store = createSettingsStore(directory);
      const result = await connectServer(` ${server.origin}/ `, {
        checkHealth: (origin) => checkServerHealth(origin, fetch, 5_000),
        saveServerAddress: (origin) => store.writeServerAddress(origin),
      });
      expect(result).toEqual({ ok: true, origin: server.origin });
      expect(await createSettingsStore(directory).readServerAddress()).toBe(server.origin);
    } finally {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    }
  });

  it.each(['', 'javascript:alert(1)', '192.168.1.10:4780', 'http://admin:secret@192.168.1.10', 42, null])(
    'rejects %j without contacting anything or saving',
    async (input) => {
      const fakes = deps({ ok: true });
      expect(await connectServer(input, fakes)).toEqual({ ok: false, message: texts.invalidServerAddress });
      expect(fakes.checkHealth).not.toHaveBeenCalled();
      expect(fakes.saveServerAddress).not.toHaveBeenCalled();
    },
  );

  it('passes on the health message and saves nothing when no CRM server answers', async () => {
    const fakes = deps({ ok: false, message: texts.serverUnreachable });
    expect(await connectServer('http://192.168.1.10:4780', fakes)).toEqual({ ok: false, message: texts.serverUnreachable });
    expect(fakes.checkHealth).toHaveBeenCalledWith('http://192.168.1.10:4780');
    expect(fakes.saveServerAddress).not.toHaveBeenCalled();
  });

  it('reports a failed save instead of pretending to remember', async () => {
    const fakes = deps({ ok: true });
    fakes.saveServerAddress.mockRejectedValue(new Error('EACCES'));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await connectServer('http://192.168.1.10:4780', fakes)).toEqual({ ok: false, message: texts.settingsNotSaved });
      expect(logged).toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });
});
