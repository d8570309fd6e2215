import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSettingsStore, SETTINGS_FILE_NAME } from './settingsStore.js';

let directory: string;

beforeEach(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'crm-settings-'));
});

afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

const settingsFile = () => path.join(directory, SETTINGS_FILE_NAME);

describe('settings store', () => {
  it('has no server address on first launch', async () => {
    expect(await createSettingsStore(directory).readServerAddress()).toBeNull();
  });

  it('remembers the address across instances (app restarts)', async () => {
    await createSettingsStore(directory).writeServerAddress('http://192.168.1.10:4780');
    expect(await createSettingsStore(directory).readServerAddress()).toBe('http://192.168.1.10:4780');
    expect(JSON.parse(await readFile(settingsFile(), 'utf8'))).toEqual({ serverAddress: 'http://192.168.1.10:4780' });
  });

  it('replaces the address when it changes and leaves no temporary files', async () => {
    const store = createSettingsStore(directory);
    await store.writeServerAddress('http://192.168.1.10:4780');
    await store.writeServerAddress('https://crm.example.vn');
    expect(await store.readServerAddress()).toBe('https://crm.example.vn');
    expect(await readdir(directory)).toEqual([SETTINGS_FILE_NAME]);
  });

  it('creates the folder when userData does not exist yet', async () => {
    const nested = path.join(directory, 'CRM', 'nested');
    await createSettingsStore(nested).writeServerAddress('http://localhost:4780');
    expect((await stat(path.join(nested, SETTINGS_FILE_NAME))).isFile()).toBe(true);
  });

  it.each([
    'http://192.168.1.10:4780/',
    'javascript:alert(1)',
    'http://admin:secret@192.168.1.10',
    '',
  ])('refuses to store %j, which is not an origin, and writes nothing', async (value) => {
    await expect(createSettingsStore(directory).writeServerAddress(value)).rejects.toThrow();
    expect(await readdir(directory)).toEqual([]);
  });

  it.each([
    ['damaged JSON', '{"serverAddress": "http://192.168'],
    ['an empty file', ''],
    ['JSON null', 'null'],
    ['an array', '["http://192.168.1.10:4780"]'],
    ['a number', '{"serverAddress": 4780}'],
    ['a javascript: URL', '{"serverAddress": "javascript:alert(1)"}'],
    ['a file: URL', '{"serverAddress": "file:///C:/Windows"}'],
    ['credentials', '{"serverAddress": "http://admin:secret@192.168.1.10:4780"}'],
    ['an unknown key', '{"serverAddress": "http://192.168.1.10:4780", "preload": "C:/evil.js"}'],
  ])('treats a settings file with %s as no address', async (_case, content) => {
    await writeFile(settingsFile(), content);
    expect(await createSettingsStore(directory).readServerAddress()).toBeNull();
  });

  it('normalises an address edited by hand in the file', async () => {
    await writeFile(settingsFile(), '{"serverAddress": "HTTP://192.168.1.10:4780/"}');
    expect(await createSettingsStore(directory).readServerAddress()).toBe('http://192.168.1.10:4780');
  });

  it('treats an unreadable settings file as no address', async () => {
    await mkdir(settingsFile()); // A folder where the file should be: reading fails with EISDIR.
    expect(await createSettingsStore(directory).readServerAddress()).toBeNull();
  });
});
