import { describe, expect, it } from 'vitest';
import { parseFileName } from './parseFileName.js';

describe('parseFileName', () => {
  it.each(['khach-hang.xlsx', 'Khách hàng 2024.xlsx', 'Báo cáo (1).csv', '.hidden', 'CONSOLE.txt', 'a'.repeat(200)])(
    'accepts %j',
    (name) => {
      expect(parseFileName(name)).toBe(name);
    },
  );

  it.each([undefined, null, 1, {}, [], ['a.xlsx'], new String('a.xlsx')])('rejects the non-string %j', (input) => {
    expect(parseFileName(input)).toBeNull();
  });

  it.each([
    ['empty', ''],
    ['201 characters', 'a'.repeat(201)],
    ['Windows path traversal', '..\\..\\x.xlsx'],
    ['POSIX path traversal', '../x.xlsx'],
    ['a folder', 'a/b.xlsx'],
    ['a Windows folder', 'a\\b.xlsx'],
    ['an absolute POSIX path', '/etc/passwd'],
    ['a drive path', 'C:\\Users\\x.xlsx'],
    ['a drive-relative path', 'C:x.xlsx'],
    ['a UNC path', '\\\\server\\share\\x.xlsx'],
    ['an NTFS stream', 'x.xlsx:Zone.Identifier'],
    ['a NUL byte', 'x.xlsx\u0000.exe'],
    ['a newline', 'x\n.xlsx'],
    ['a tab', 'x\t.xlsx'],
    ['a bidi override disguising .exe', 'bao-cao\u202eslx.exe'],
    ['a wildcard', 'a*.xlsx'],
    ['a question mark', 'a?.xlsx'],
    ['a quote', 'a".xlsx'],
    ['angle brackets', '<a>.xlsx'],
    ['a pipe', 'a|b.xlsx'],
    ['"."', '.'],
    ['".."', '..'],
    ['a trailing dot', 'x.xlsx.'],
    ['a trailing space', 'x.xlsx '],
    ['a leading space', ' x.xlsx'],
    ['CON', 'CON'],
    ['nul with an extension', 'nul.xlsx'],
    ['COM1', 'COM1.txt'],
    ['LPT9', 'lpt9'],
    ['COM superscript one', 'COM¹.csv'],
  ])('rejects %s', (_case, input) => {
    expect(parseFileName(input)).toBeNull();
  });
});
