import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney, parseDisplayDate, todayInVietnam } from './format';

describe('display formats', () => {
  it('formats VND with dots and the dong sign', () => {
    expect(formatMoney(1234567)).toBe('1.234.567 ₫');
    expect(formatMoney(0)).toBe('0 ₫');
    expect(formatMoney(null)).toBe('');
  });

  it('formats calendar days and timestamps as dd/MM/yyyy in Vietnam time', () => {
    expect(formatDate('2026-03-09')).toBe('09/03/2026');
    // 18:30 UTC on 31 Dec is already 1 Jan in Ho Chi Minh City (UTC+7).
    expect(formatDate('2025-12-31T18:30:00Z')).toBe('01/01/2026');
    expect(formatDate('garbage')).toBe('');
  });

  it('formats timestamps as dd/MM/yyyy HH:mm in Vietnam time', () => {
    expect(formatDateTime('2025-12-31T17:05:00Z')).toBe('01/01/2026 00:05');
    expect(formatDateTime('2026-03-09T07:30:00Z')).toBe('09/03/2026 14:30');
    expect(formatDateTime(null)).toBe('');
  });

  it('parses typed dates and refuses impossible ones', () => {
    expect(parseDisplayDate('9/3/2026')).toBe('2026-03-09');
    expect(parseDisplayDate('31/02/2026')).toBeNull();
    expect(parseDisplayDate('2026-03-09')).toBeNull();
  });

  it('knows today in Vietnam', () => {
    expect(todayInVietnam(new Date('2026-01-01T17:30:00Z'))).toBe('2026-01-02');
  });
});
