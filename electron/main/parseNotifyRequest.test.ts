import { describe, expect, it } from 'vitest';
import { parseNotifyRequest } from './parseNotifyRequest.js';

describe('parseNotifyRequest', () => {
  it('accepts a title and a body, line breaks included', () => {
    const request = { title: 'Nhắc việc', body: 'Gọi lại cho Công ty A\nlúc 14:00' };
    expect(parseNotifyRequest(request)).toEqual(request);
  });

  it('accepts an empty body and the length limits', () => {
    expect(parseNotifyRequest({ title: 'x'.repeat(100), body: '' })).not.toBeNull();
    expect(parseNotifyRequest({ title: 'x', body: 'y'.repeat(500) })).not.toBeNull();
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'Nhắc việc'],
    ['an array', ['Nhắc việc', 'body']],
    ['a missing body', { title: 'Nhắc việc' }],
    ['a missing title', { body: 'x' }],
    ['an unknown key', { title: 'a', body: 'b', icon: 'C:\\x.png' }],
    ['a numeric title', { title: 1, body: 'b' }],
    ['an object body', { title: 'a', body: { toString: (): string => 'b' } }],
    ['an empty title', { title: '', body: 'b' }],
    ['a blank title', { title: '   ', body: 'b' }],
    ['a 101-character title', { title: 'x'.repeat(101), body: 'b' }],
    ['a 501-character body', { title: 'a', body: 'y'.repeat(501) }],
    ['a huge body', { title: 'a', body: 'y'.repeat(5_000_000) }],
    ['a NUL in the title', { title: 'a\u0000b', body: 'b' }],
    ['a newline in the title', { title: 'a\nb', body: 'b' }],
    ['a NUL in the body', { title: 'a', body: 'b\u0000' }],
    ['a bidi override in the body', { title: 'a', body: '\u202eexe.xlsx' }],
  ])('rejects %s', (_case, input) => {
    expect(parseNotifyRequest(input)).toBeNull();
  });
});
