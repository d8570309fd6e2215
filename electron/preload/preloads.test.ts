import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IpcChannel } from './ipcChannels.js';

// The preloads are tested as Electron runs them: compiled by tsc, then evaluated the way a sandboxed
// renderer does, as plain script text wrapped in a function whose `require` knows only 'electron'.
const electronDir = fileURLToPath(new URL('..', import.meta.url));
let outDir: string;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'crm-electron-build-'));
  const typescriptDir = path.dirname(createRequire(import.meta.url).resolve('typescript/package.json'));
  const tsc = path.join(typescriptDir, 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-p', path.join(electronDir, 'tsconfig.json'), '--outDir', outDir]);
}, 60_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

type ExposedApi = Record<string, (...args: unknown[]) => Promise<unknown>>;

function fakeElectron() {
  return {
    contextBridge: { exposeInMainWorld: vi.fn((_name: string, _api: ExposedApi) => undefined) },
    ipcRenderer: { invoke: vi.fn(async (..._args: unknown[]) => 'reply') },
  };
}

type FakeElectron = ReturnType<typeof fakeElectron>;

async function runSandboxed(file: string, electron: FakeElectron, window: unknown): Promise<void> {
  const source = await readFile(path.join(outDir, 'preload', file), 'utf8');
  const sandboxRequire = (name: string) => {
    if (name !== 'electron') throw new Error(`Cannot require '${name}' in a sandboxed preload`);
    return electron;
  };
  const exports = {};
  const run = new Function('require', 'exports', 'module', 'window', source);
  run(sandboxRequire, exports, { exports }, window);
}

describe('main window preload', () => {
  it('exposes window.crm with the bridge functions only, each invoking its allowlisted channel', async () => {
    const electron = fakeElectron();
    await runSandboxed('index.cjs', electron, {});

    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [name, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0];
    expect(name).toBe('crm');
    expect(Object.keys(api).sort()).toEqual(['appVersion', 'changeServerAddress', 'getServerAddress', 'notify', 'saveDownload', 'saveFile']);

    const calls: [string, unknown[], string][] = [
      ['saveFile', [{ suggestedName: 'a.xlsx', data: new ArrayBuffer(1) }], IpcChannel.saveFile],
      ['saveDownload', [{ url: '/api/exports/download?ticket=abcdefghijkl', suggestedName: 'a.xlsx' }], IpcChannel.saveDownload],
      ['notify', [{ title: 'Nhắc việc', body: 'Gọi khách' }], IpcChannel.notify],
      ['getServerAddress', [], IpcChannel.getServerAddress],
      ['changeServerAddress', [], IpcChannel.changeServerAddress],
      ['appVersion', [], IpcChannel.appVersion],
    ];
    for (const [method, args, channel] of calls) {
      electron.ipcRenderer.invoke.mockClear();
      await expect(api[method](...args)).resolves.toBe('reply');
      expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(channel, ...args);
    }
  });
});

describe('setup window preload', () => {
  it('loads in the sandbox, exposes nothing and waits for the page to wire its form', async () => {
    const electron = fakeElectron();
    const window = { addEventListener: vi.fn() };
    await runSandboxed('setup.cjs', electron, window);
    expect(electron.contextBridge.exposeInMainWorld).not.toHaveBeenCalled();
    expect(window.addEventListener).toHaveBeenCalledWith('DOMContentLoaded', expect.any(Function));
  });
});
