import { describe, expect, it } from 'vitest';
import { MAX_SAVE_FILE_BYTES, parseSaveFileRequest } from './parseSaveFileRequest.js';

const bytes = new TextEncoder().encode('Mã KH;Tên\n1;Công ty A\n');
const valid = { suggestedName: 'khach-hang.csv', data: bytes.buffer };

describe('parseSaveFileRequest', () => {
  it('accepts an ArrayBuffer and returns its bytes, with no filters by default', () => {
    const order = parseSaveFileRequest(valid);
    expect(order?.suggestedName).toBe('khach-hang.csv');
    expect(order && new TextDecoder().decode(order.bytes)).toBe('Mã KH;Tên\n1;Công ty A\n');
    expect(order?.filters).toEqual([]);
  });

  it('accepts a Uint8Array (and so a Buffer) as data', () => {
    expect(parseSaveFileRequest({ ...valid, data: bytes })?.bytes.byteLength).toBe(bytes.byteLength);
    expect(parseSaveFileRequest({ ...valid, data: Buffer.from('x') })?.bytes.byteLength).toBe(1);
  });

  it('accepts an empty file', () => {
    expect(parseSaveFileRequest({ ...valid, data: new ArrayBuffer(0) })?.bytes.byteLength).toBe(0);
  });

  it('accepts filters and copies them', () => {
    const filters = [{ name: 'Excel', extensions: ['xlsx'] }, { name: 'CSV (UTF-8)', extensions: ['csv', 'txt'] }];
    const order = parseSaveFileRequest({ ...valid, filters });
    expect(order?.filters).toEqual(filters);
    filters[0].extensions.push('exe');
    expect(order?.filters[0].extensions).toEqual(['xlsx']);
  });

  it('accepts exactly the size limit and rejects one byte more', () => {
    const atLimit = new ArrayBuffer(MAX_SAVE_FILE_BYTES);
    expect(parseSaveFileRequest({ ...valid, data: atLimit })).not.toBeNull();
    expect(parseSaveFileRequest({ ...valid, data: new ArrayBuffer(MAX_SAVE_FILE_BYTES + 1) })).toBeNull();
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'khach-hang.csv'],
    ['an array', [valid.suggestedName, valid.data]],
    ['a class instance', new (class { suggestedName = 'a.csv'; data = new ArrayBuffer(1); })()],
    ['missing data', { suggestedName: 'a.csv' }],
    ['missing name', { data: new ArrayBuffer(1) }],
    ['an unknown key', { ...valid, path: 'C:\\Windows\\x.csv' }],
    ['an own __proto__ key', { ...JSON.parse('{"__proto__": {"polluted": true}}'), ...valid }],
    ['a path as the name', { ...valid, suggestedName: '..\\..\\x.xlsx' }],
    ['a folder in the name', { ...valid, suggestedName: 'a/b.xlsx' }],
    ['string data', { ...valid, data: 'Mã KH;Tên' }],
    ['a number array as data', { ...valid, data: [1, 2, 3] }],
    ['an array-like object as data', { ...valid, data: { length: 1, 0: 65, byteLength: 1 } }],
    ['an Int16Array', { ...valid, data: new Int16Array(2) }],
    ['a DataView', { ...valid, data: new DataView(new ArrayBuffer(2)) }],
    ['a SharedArrayBuffer', { ...valid, data: new SharedArrayBuffer(2) }],
    ['filters that are not an array', { ...valid, filters: { name: 'Excel', extensions: ['xlsx'] } }],
    ['null filters', { ...valid, filters: null }],
    ['11 filters', { ...valid, filters: Array.from({ length: 11 }, () => ({ name: 'Excel', extensions: ['xlsx'] })) }],
    ['a null filter', { ...valid, filters: [null] }],
    ['a filter with an unknown key', { ...valid, filters: [{ name: 'Excel', extensions: ['xlsx'], path: '/' }] }],
    ['a filter without a name', { ...valid, filters: [{ extensions: ['xlsx'] }] }],
    ['an empty filter name', { ...valid, filters: [{ name: '', extensions: ['xlsx'] }] }],
    ['a NUL in a filter name', { ...valid, filters: [{ name: 'Excel\u0000', extensions: ['xlsx'] }] }],
    ['a 101-character filter name', { ...valid, filters: [{ name: 'x'.repeat(101), extensions: ['xlsx'] }] }],
    ['no extensions', { ...valid, filters: [{ name: 'Excel', extensions: [] }] }],
    ['an extension with a dot', { ...valid, filters: [{ name: 'Excel', extensions: ['.xlsx'] }] }],
    ['a wildcard extension', { ...valid, filters: [{ name: 'All', extensions: ['*'] }] }],
    ['an extension with a separator', { ...valid, filters: [{ name: 'Excel', extensions: ['xlsx/..'] }] }],
    ['a 17-character extension', { ...valid, filters: [{ name: 'Excel', extensions: ['x'.repeat(17)] }] }],
    ['a non-string extension', { ...valid, filters: [{ name: 'Excel', extensions: [7] }] }],
    ['11 extensions', { ...valid, filters: [{ name: 'Excel', extensions: Array.from({ length: 11 }, () => 'xlsx') }] }],
  ])('rejects %s', (_case, input) => {
    expect(parseSaveFileRequest(input)).toBeNull();
  });
});
