import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser';
import { startTestServer } from './testServer';

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** Calls to the running test server over HTTP, as a browser (or another client) would make them. */
export type ServerCalls = {
  server: TestServer;
  /** Signs in through POST /api/auth/login; the session token. */
  login: (username: string, password: string) => Promise<string>;
  /** A JSON request with the token as bearer (none for null); throws with the status and body unless 2xx. */
  api: <T = unknown>(token: string | null, method: string, path: string, body?: unknown) => Promise<T>;
};

export type PageOptions = {
  viewport?: { width: number; height: number };
  /** Playwright's default timeout for the page's actions, in ms. */
  timeout?: number;
};

export type BrowserApp<T> = ServerCalls & {
  browser: Browser;
  /** What the file's setup returned. */
  data: T;
  /**
   * A new page (1400×820 unless told, locale vi-VN, actions time out after 10 s unless told) and the
   * messages of the uncaught errors it throws, collected from the start.
   */
  newPage: (options?: PageOptions) => Promise<{ page: Page; pageErrors: string[] }>;
};

/**
 * For one end-to-end test file: the full server on a fresh database, the file's own data made by
 * `setup` through the API (or the server's db), then Chromium. The returned object is filled in
 * beforeAll and closed in afterAll.
 */
export function useBrowserApp<T = undefined>(setup?: (calls: ServerCalls) => Promise<T>): BrowserApp<T> {
  const api = async <R = unknown>(token: string | null, method: string, path: string, body?: unknown): Promise<R> => {
    const response = await fetch(`${fixture.server.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text === '' ? undefined : JSON.parse(text)) as R;
  };
  const login = async (username: string, password: string) =>
    (await api<{ token: string }>(null, 'POST', '/api/auth/login', { username, password })).token;
  const newPage = async ({ viewport = { width: 1400, height: 820 }, timeout = 10_000 }: PageOptions = {}) => {
    const page = await fixture.browser.newPage({ viewport, locale: 'vi-VN' });
    page.setDefaultTimeout(timeout);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return { page, pageErrors };
  };
  const fixture = { api, login, newPage } as BrowserApp<T>;

  beforeAll(async () => {
    fixture.server = await startTestServer();
    fixture.data = (await setup?.(fixture)) as T;
    fixture.browser = await launchChromium();
  });
  afterAll(async () => {
    await fixture.browser?.close();
    await fixture.server?.close();
  });
  return fixture;
}
