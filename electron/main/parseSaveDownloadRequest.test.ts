import { describe, expect, it } from 'vitest';
import { parseSaveDownloadRequest } from './parseSaveDownloadRequest.js';

const origin = 'http://192.168.1.10:4780';
const ticket = 'AbCdEfGhIjKlMnOpQrStUvWxYz012345';
const valid = { url: `/api/exports/download?ticket=${ticket}`, suggestedName: 'khach-hang-2026-12-02.xlsx' };

describe('parseSaveDownloadRequest', () => {
  it('resolves the ticket URL against the server and keeps the name and filters', () => {
    const order = parseSaveDownloadRequest({ ...valid, filters: [{ name: 'Excel', extensions: ['xlsx'] }] }, origin);
    expect(order?.url.href).toBe(`${origin}/api/exports/download?ticket=${ticket}`);
    expect(order?.suggestedName).toBe('khach-hang-2026-12-02.xlsx');
    expect(order?.filters).toEqual([{ name: 'Excel', extensions: ['xlsx'] }]);
  });

  it('accepts the absolute URL on the server origin', () => {
    expect(parseSaveDownloadRequest({ ...valid, url: `${origin}/api/exports/download?ticket=${ticket}` }, origin)).not.toBeNull();
  });

  it.each([
    ['no server yet', valid, null],
    ['another origin', { ...valid, url: `http://evil.example/api/exports/download?ticket=${ticket}` }, origin],
    ['a protocol-relative URL', { ...valid, url: `//evil.example/api/exports/download?ticket=${ticket}` }, origin],
    ['another path', { ...valid, url: `/api/customers?ticket=${ticket}` }, origin],
    ['a path escaping upwards', { ...valid, url: `/api/exports/download/../../users?ticket=${ticket}` }, origin],
    ['a file URL', { ...valid, url: 'file:///etc/passwd' }, origin],
    ['extra parameters', { ...valid, url: `/api/exports/download?ticket=${ticket}&token=x` }, origin],
    ['a bad ticket', { ...valid, url: '/api/exports/download?ticket=a%20b' }, origin],
    ['no ticket', { ...valid, url: '/api/exports/download' }, origin],
    ['credentials in the URL', { ...valid, url: `http://u:p@192.168.1.10:4780/api/exports/download?ticket=${ticket}` }, origin],
    ['a number as url', { ...valid, url: 42 }, origin],
    ['a path as the name', { ...valid, suggestedName: '..\\x.xlsx' }, origin],
    ['an unknown key', { ...valid, path: 'C:\\x.xlsx' }, origin],
    ['bad filters', { ...valid, filters: [{ name: 'Excel', extensions: ['x.y'] }] }, origin],
    ['not an object', 'url', origin],
  ])('refuses %s', (_label, input, serverOrigin) => {
    expect(parseSaveDownloadRequest(input, serverOrigin)).toBeNull();
  });
});
