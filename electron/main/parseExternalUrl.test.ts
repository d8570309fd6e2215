import { describe, expect, it } from 'vitest';
import { parseExternalUrl } from './parseExternalUrl.js';

describe('parseExternalUrl', () => {
  it.each([
    ['https://example.vn/tin-tuc?id=1#top', 'https://example.vn/tin-tuc?id=1#top'],
    ['http://192.168.1.10:4780/help', 'http://192.168.1.10:4780/help'],
    ['HTTPS://Example.VN', 'https://example.vn/'],
  ])('accepts %s', (input, href) => {
    expect(parseExternalUrl(input)).toBe(href);
  });

  it.each([
    ['a non-string', 42],
    ['an object', { href: 'https://example.vn' }],
    ['javascript:', 'javascript:alert(1)'],
    ['file:', 'file:///C:/Windows/System32/calc.exe'],
    ['a UNC file URL', 'file://server/share/x.exe'],
    ['mailto:', 'mailto:a@example.vn'],
    ['a Windows settings handler', 'ms-settings:privacy'],
    ['an SMB share', 'smb://server/share'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['credentials', 'https://user:pass@example.vn/'],
    ['a relative URL', '/api/export'],
    ['a scheme-relative URL', '//example.vn'],
    ['a leading space the parser would trim', ' https://example.vn'],
    ['a tab the parser would drop', 'https://exa\tmple.vn'],
    ['a NUL byte', 'https://example.vn/\u0000'],
    ['too long', `https://example.vn/${'x'.repeat(2048)}`],
  ])('rejects %s', (_case, input) => {
    expect(parseExternalUrl(input)).toBeNull();
  });
});
