import { describe, expect, test } from 'vitest';
import { parseTsv, toTsv } from './tsv';

describe('tab-separated text', () => {
  test('quotes only fields that need it, as Excel does', () => {
    expect(toTsv([['Mã', 'Tên'], ['KH-1', 'Công ty "An"'], ['KH-2', 'Hai\ndòng']])).toBe('Mã\tTên\r\nKH-1\t"Công ty ""An"""\r\nKH-2\t"Hai\ndòng"');
  });

  test('reads what Excel and LibreOffice put on the clipboard', () => {
    expect(parseTsv('0901\r\n0902\r\n0903\r\n')).toEqual([['0901'], ['0902'], ['0903']]);
    expect(parseTsv('a\tb\nc\td')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseTsv('"Hai\ndòng"\t"x ""y"""\n\n')).toEqual([['Hai\ndòng', 'x "y"'], ['']]);
    expect(parseTsv('một')).toEqual([['một']]);
    expect(parseTsv('')).toEqual([]);
  });

  test('what it writes it reads back', () => {
    const lines = [['a\tb', '"q"', 'c'], ['', 'x\r\ny', 'z']];
    expect(parseTsv(toTsv(lines))).toEqual(lines);
  });
});
