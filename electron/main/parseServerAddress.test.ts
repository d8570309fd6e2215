import { describe, expect, it } from 'vitest';
import { parseServerAddress } from './parseServerAddress.js';

describe('parseServerAddress', () => {
  it.each([
    ['http://192.168.1.10:4780', 'http://192.168.1.10:4780'],
    ['http://192.168.1.10:4780/', 'http://192.168.1.10:4780'],
    ['  https://crm.example.vn/app/index.html  ', 'https://crm.example.vn'],
    ['HTTP://CRM.Example.VN:8080', 'http://crm.example.vn:8080'],
    ['https://crm.example.vn:443', 'https://crm.example.vn'],
    ['http://localhost:4780', 'http://localhost:4780'],
    ['http://[::1]:4780', 'http://[::1]:4780'],
    ['http://[2001:db8::1]/', 'http://[2001:db8::1]'],
    ['http://máy-chủ.vn', 'http://xn--my-ch-xqa0294c.vn'],
    ['http://host:', 'http://host'],
  ])('accepts %j as %s', (input, origin) => {
    expect(parseServerAddress(input)).toBe(origin);
  });

  it.each([undefined, null, 42, true, {}, [], ['http://a'], new String('http://a'), { toString: () => 'http://a' }])(
    'rejects the non-string %j',
    (input) => {
      expect(parseServerAddress(input)).toBeNull();
    },
  );

  it.each([
    ['empty', ''],
    ['blank', '   \t\n'],
    ['javascript:', 'javascript:alert(1)'],
    ['JavaScript: in mixed case', 'JaVaScRiPt:alert(document.cookie)'],
    ['file:', 'file:///C:/Windows/System32'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['ftp:', 'ftp://192.168.1.10'],
    ['ws:', 'ws://192.168.1.10:4780'],
    ['about:', 'about:blank'],
    ['a host without scheme', '192.168.1.10:4780'],
    ['a scheme-relative address', '//192.168.1.10:4780'],
    ['"http:host"', 'http:192.168.1.10'],
    ['"http:/host"', 'http:/192.168.1.10'],
    ['backslashes for slashes', 'http:\\\\192.168.1.10'],
    ['a backslash in the path', 'http://192.168.1.10\\@evil.example'],
    ['user and password', 'http://admin:secret@192.168.1.10:4780'],
    ['a user name', 'http://admin@192.168.1.10'],
    ['an empty user', 'http://@192.168.1.10'],
    ['a host hidden behind @', 'http://192.168.1.10:4780@evil.example'],
    ['a query', 'http://192.168.1.10:4780/?next=/x'],
    ['an empty query', 'http://192.168.1.10:4780?'],
    ['a fragment', 'http://192.168.1.10:4780/#top'],
    ['an inner space', 'http://192.168.1 .10'],
    ['a tab the URL parser would drop', 'http://192.168.\t1.10'],
    ['a newline the URL parser would drop', 'http://exa\nmple.vn'],
    ['a NUL byte', 'http://192.168.1.10\u0000.evil.example'],
    ['a zero-width space', 'http://crm\u200b.example.vn'],
    ['a bidi override', 'http://\u202ecrm.example.vn'],
    ['a no-break space inside', 'http://crm\u00a0example.vn'],
    ['a soft hyphen', 'http://crm\u00ad.example.vn'],
    ['port 0', 'http://192.168.1.10:0'],
    ['port 65536', 'http://192.168.1.10:65536'],
    ['a negative port', 'http://192.168.1.10:-1'],
    ['a named port', 'http://192.168.1.10:http'],
    ['an unclosed IPv6 bracket', 'http://[::1:4780'],
    ['an IPv6 zone id', 'http://[fe80::1%25eth0]:4780'],
    ['an IPv6 address without brackets', 'http://::1:4780'],
    ['no host', 'http://'],
    ['no host before a path', 'http:///api'],
    ['only a port', 'https://:4780'],
    ['an impossible IPv4 address', 'http://192.168.1.300'],
  ])('rejects %s', (_case, input) => {
    expect(parseServerAddress(input)).toBeNull();
  });

  it('accepts 2048 characters and rejects 2049', () => {
    const base = 'http://crm.example.vn/';
    expect(parseServerAddress(base + 'x'.repeat(2048 - base.length))).toBe('http://crm.example.vn');
    expect(parseServerAddress(base + 'x'.repeat(2049 - base.length))).toBeNull();
  });

  it('rejects a huge string quickly', () => {
    expect(parseServerAddress(`http://${'a'.repeat(10_000_000)}.vn`)).toBeNull();
  });
});
