import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

const html = await readFile(new URL('./setup.html', import.meta.url), 'utf8');
const preload = await readFile(new URL('../preload/setup.cts', import.meta.url), 'utf8');
const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';

describe('setup page', () => {
  it('runs no script of its own and forbids any', () => {
    expect(html).not.toMatch(/<script|\son[a-z]+=|javascript:/i);
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toMatch(/script-src/);
    expect(policy).toContain("form-action 'none'");
  });

  it('allows exactly its own inline style by hash', () => {
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const hash = createHash('sha256').update(style, 'utf8').digest('base64');
    expect(policy).toContain(`style-src 'sha256-${hash}'`);
  });

  it('has every element its preload looks up', () => {
    const ids = [...preload.matchAll(/getElementById\('([^']+)'\)/g)].map((match) => match[1]);
    expect(ids).toEqual(['setup-form', 'server-address', 'setup-connect', 'setup-status']);
    for (const id of ids) expect(html).toContain(`id="${id}"`);
  });

  it('asks for the server address in Vietnamese with an example', () => {
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<label for="server-address">Địa chỉ máy chủ</label>');
    expect(html).toContain('>Kết nối</button>');
    expect(html).toContain('http://192.168.1.10:4780');
  });
});
