import { describe, expect, it } from 'vitest';
import { isServerUrl } from './isServerUrl.js';

const origin = 'http://192.168.1.10:4780';

describe('isServerUrl', () => {
  it.each(['http://192.168.1.10:4780/', 'http://192.168.1.10:4780/customers?page=2#x', 'HTTP://192.168.1.10:4780/login'])(
    'accepts %s on the server',
    (url) => {
      expect(isServerUrl(url, origin)).toBe(true);
    },
  );

  it('treats an explicit default port as the same origin', () => {
    expect(isServerUrl('https://crm.example.vn:443/x', 'https://crm.example.vn')).toBe(true);
  });

  it.each([
    ['another port', 'http://192.168.1.10:4781/'],
    ['https instead of http', 'https://192.168.1.10:4780/'],
    ['another host', 'http://192.168.1.11:4780/'],
    ['a look-alike host', 'http://192.168.1.10.evil.example:4780/'],
    ['the origin as user name', 'http://192.168.1.10:4780@evil.example/'],
    ['file:', 'file:///C:/x.html'],
    ['javascript:', 'javascript:location="http://192.168.1.10:4780"'],
    ['about:blank', 'about:blank'],
    ['garbage', 'not a url'],
  ])('rejects %s', (_case, url) => {
    expect(isServerUrl(url, origin)).toBe(false);
  });

  it('rejects everything before a server is configured', () => {
    expect(isServerUrl('http://192.168.1.10:4780/', null)).toBe(false);
  });
});
