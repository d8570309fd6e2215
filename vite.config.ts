import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * API calls go to the server on 4780 in development. The path (not its query) must not end in
 * .ts/.tsx: renderer/api/ is served as `/api/*.ts` module requests, which stay with Vite.
 */
const apiPath = '^/api/(?![^?]*\\.tsx?(?:\\?|$))';

/**
 * The CSP meta of index.html forbids inline scripts, which React's dev-time refresh preamble
 * needs. Dropped by the dev server only; the production build keeps it.
 */
function dropCspInDev(): Plugin {
  return {
    name: 'crm:drop-csp-in-dev',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/i, ''),
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), dropCspInDev()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  server: { proxy: { [apiPath]: 'http://localhost:4780' } },
  test: {
    root: projectRoot,
    include: ['tests/**/*.test.ts', 'server/**/*.test.ts', 'shared/**/*.test.ts', 'renderer/**/*.test.ts', 'electron/**/*.test.ts'],
    globalSetup: ['tests/support/globalSetup.ts'],
    testTimeout: 30_000,
    // UI assertions poll; a loaded CI machine needs more than the 1 s default.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 120_000,
    fileParallelism: true,
    maxWorkers: 2,
  },
});
