import path from 'node:path';
import { createServer, type Plugin, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { useBrowserApp } from '../support/browserApp';

const app = useBrowserApp();
let vite: ViteDevServer;
let devUrl: string;

/** Points the dev proxy of vite.config.ts (whatever its keys) at the test server instead of :4780. */
function proxyTo(target: string): Plugin {
  return {
    name: 'test:proxy-target',
    config(config) {
      const proxy = config.server?.proxy ?? {};
      for (const key of Object.keys(proxy)) proxy[key] = target;
    },
  };
}

// After the fixture's beforeAll (the test server is up); closed before the fixture's afterAll.
beforeAll(async () => {
  vite = await createServer({
    configFile: path.resolve('vite.config.ts'),
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 0, strictPort: false },
    plugins: [proxyTo(app.server.url)],
  });
  await vite.listen();
  devUrl = (vite.resolvedUrls?.local[0] ?? '').replace(/\/$/, '');
});

afterAll(async () => {
  await vite?.close();
});

test('dev server: renderer/api modules stay with Vite, API calls reach the server', async () => {
  const module = await fetch(`${devUrl}/api/customersApi.ts`);
  expect(module.status).toBe(200);
  expect(module.headers.get('content-type')).toMatch(/javascript/);
  expect(await module.text()).toContain('/api/recycle-bin/customers');
  expect((await fetch(`${devUrl}/api/http.ts?t=1`)).headers.get('content-type')).toMatch(/javascript/);

  // The server's own 401 body: proxied, even with ".ts" in the query.
  for (const apiPath of ['/api/auth/me', '/api/customers?search=report.ts']) {
    const response = await fetch(`${devUrl}${apiPath}`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
  }
});

test('dev server: index.html without the CSP meta, the app runs and signs in', { timeout: 60_000 }, async () => {
  expect(await (await fetch(`${devUrl}/`)).text()).not.toContain('Content-Security-Policy');
  const { page, pageErrors: problems } = await app.newPage({ viewport: { width: 1200, height: 700 }, timeout: 30_000 });
  page.on('console', (message) => {
    // The browser asks for /favicon.ico on its own; the app has none.
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) problems.push(`${message.text()} ${message.location().url}`);
  });
  await page.goto(devUrl);
  await page.getByLabel('Tên đăng nhập').fill('admin');
  await page.getByLabel('Mật khẩu').fill(app.server.adminPassword);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect.poll(() => page.getByText('Tổng số: 0 khách hàng').count(), { timeout: 30_000 }).toBe(1);
  expect(problems).toEqual([]);
});
