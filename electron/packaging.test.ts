import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { APP_ID } from './main/appId.js';

// Facts the shell relies on at run time that the type checker cannot see.
const electronDir = fileURLToPath(new URL('.', import.meta.url));
const rootDir = path.dirname(electronDir);
const read = (file: string) => readFile(path.join(rootDir, file), 'utf8');

async function mainProcessSources(): Promise<string[]> {
  const names = await readdir(path.join(electronDir, 'main'));
  return names.filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts')).map((name) => `electron/main/${name}`);
}

/** Module specifiers of the imports that survive compilation (`import type` is erased). */
function runtimeImports(code: string): string[] {
  return [...code.matchAll(/^import\s+(?!type\s)[^'"]*?['"]([^'"]+)['"]/gm)].map((match) => match[1]);
}

describe('packaging', () => {
  it('the main process needs only electron, node: built-ins and its own files (no node_modules are shipped)', async () => {
    for (const file of await mainProcessSources()) {
      for (const specifier of runtimeImports(await read(file))) {
        expect(specifier, file).toMatch(/^(electron|node:.+|\.\.?\/.+\.js)$/);
      }
    }
  });

  it('the preloads named by window.ts exist as CommonJS sources', async () => {
    const windowSource = await read('electron/main/window.ts');
    const preloads = [...windowSource.matchAll(/'\.\.\/preload\/([\w-]+)\.cjs'/g)].map((match) => match[1]);
    expect(preloads).toEqual(['index', 'setup']);
    const names = await readdir(path.join(electronDir, 'preload'));
    for (const name of preloads) expect(names).toContain(`${name}.cts`);
  });

  it('package.json "main" is where tsc writes the entry', async () => {
    const packageJson: unknown = JSON.parse(await read('package.json'));
    const tsconfig = await read('electron/tsconfig.json');
    const outDir = /"outDir":\s*"([^"]+)"/.exec(tsconfig)?.[1] ?? '';
    const main = typeof packageJson === 'object' && packageJson !== null && 'main' in packageJson ? packageJson.main : '';
    expect(path.resolve(rootDir, String(main))).toBe(path.resolve(electronDir, outDir, 'main', 'index.js'));
  });

  it('electron-builder.yml uses the same app id as the notifications and ships the setup page', async () => {
    const config = await read('electron-builder.yml');
    expect(/^appId:\s*(\S+)/m.exec(config)?.[1]).toBe(APP_ID);
    expect(config).toMatch(/^\s+- electron\/main\/setup\.html$/m);
    expect(config).toMatch(/^\s+- dist\/electron\/\*\*$/m);
  });
});
