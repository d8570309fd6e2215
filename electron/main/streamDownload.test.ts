import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamDownload } from './streamDownload.js';

let server: http.Server;
let origin: string;
let dir: string;
const big = Buffer.alloc(3 * 1024 * 1024, 'x');

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'crm-download-'));
  server = http.createServer((request, response) => {
    if (request.url === '/ok') {
      response.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      // In pieces, as an export streams.
      response.write(big.subarray(0, 1024 * 1024));
      setTimeout(() => response.end(big.subarray(1024 * 1024)), 20);
    } else if (request.url === '/cut') {
      response.writeHead(200, { 'Content-Length': String(big.length) });
      response.write(big.subarray(0, 1024));
      setTimeout(() => response.destroy(), 20);
    } else {
      response.writeHead(401).end('{"error":{}}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('streamDownload', () => {
  it('streams the whole body to the chosen path', async () => {
    const file = path.join(dir, 'khach-hang.xlsx');
    await expect(streamDownload(new URL('/ok', origin), file)).resolves.toEqual({ saved: true, path: file });
    expect((await readFile(file)).equals(big)).toBe(true);
    expect(existsSync(`${file}.part`)).toBe(false);
  });

  it('leaves no file when the server refuses, and keeps an existing one', async () => {
    const file = path.join(dir, 'refused.xlsx');
    await writeFile(file, 'old');
    await expect(streamDownload(new URL('/refused', origin), file)).resolves.toEqual({ saved: false, reason: 'http' });
    expect(await readFile(file, 'utf8')).toBe('old');
    expect(existsSync(`${file}.part`)).toBe(false);
  });

  it('removes the partial file when the download is cut (a cancelled export)', async () => {
    const file = path.join(dir, 'cut.xlsx');
    await expect(streamDownload(new URL('/cut', origin), file)).resolves.toEqual({ saved: false, reason: 'interrupted' });
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}.part`)).toBe(false);
  });

  it('reports an unreachable server as interrupted', async () => {
    const file = path.join(dir, 'none.xlsx');
    const failing: typeof fetch = () => Promise.reject(new TypeError('fetch failed'));
    await expect(streamDownload(new URL('/ok', origin), file, failing)).resolves.toEqual({ saved: false, reason: 'interrupted' });
  });
});
