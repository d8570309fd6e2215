import { describe, expect, it } from 'vitest';
import { periodLabels, periodRange, periods, previousPeriodRange } from './periods';

/** An instant given in Vietnam time (UTC+7, no daylight saving). */
const vn = (local: string) => new Date(`${local}+07:00`);

describe('periodRange', () => {
  it('takes today in Vietnam, not in UTC', () => {
    // 17:30 UTC on 31 Dec 2025 is 00:30 on 1 Jan 2026 in Ho Chi Minh City.
    const now = new Date('2025-12-31T17:30:00Z');
    expect(periodRange('today', now)).toEqual({ from: '2026-01-01', to: '2026-01-01' });
    expect(periodRange('thisYear', now)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodRange('lastYear', now)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    // One minute before Vietnamese midnight it is still the old year.
    const before = new Date('2025-12-31T16:59:00Z');
    expect(periodRange('today', before)).toEqual({ from: '2025-12-31', to: '2025-12-31' });
    expect(periodRange('thisQuarter', before)).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(periodRange('thisMonth', before)).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });

  it('starts weeks on Monday, across month and year ends', () => {
    // Thursday 1 Jan 2026: the week is Mon 29 Dec 2025 – Sun 4 Jan 2026.
    expect(periodRange('thisWeek', vn('2026-01-01T09:00:00'))).toEqual({ from: '2025-12-29', to: '2026-01-04' });
    // Monday belongs to its own week, Sunday to the week before.
    expect(periodRange('thisWeek', vn('2026-03-02T00:00:00'))).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect(periodRange('thisWeek', vn('2026-03-01T23:59:59'))).toEqual({ from: '2026-02-23', to: '2026-03-01' });
  });

  it('cuts quarters at their first day', () => {
    expect(periodRange('thisQuarter', vn('2026-04-01T00:00:00'))).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(periodRange('thisQuarter', vn('2026-03-31T23:59:00'))).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodRange('lastQuarter', vn('2026-04-01T00:00:00'))).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodRange('lastQuarter', vn('2026-02-15T12:00:00'))).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(periodRange('thisQuarter', vn('2026-09-30T12:00:00'))).toEqual({ from: '2026-07-01', to: '2026-09-30' });
  });

  it('ends months on their last day, leap years included', () => {
    expect(periodRange('thisMonth', vn('2028-02-10T08:00:00'))).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodRange('lastMonth', vn('2026-03-31T08:00:00'))).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodRange('lastMonth', vn('2026-01-15T08:00:00'))).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });

  it('labels every period in Vietnamese', () => {
    expect(periods.map((period) => periodLabels[period])).toEqual(['Hôm nay', 'Tuần này', 'Tháng này', 'Quý này', 'Năm nay', 'Tháng trước', 'Quý trước', 'Năm trước']);
  });
});

describe('previousPeriodRange', () => {
  it('is the period of the same kind just before', () => {
    const now = vn('2026-01-01T10:00:00');
    expect(previousPeriodRange('today', now)).toEqual({ from: '2025-12-31', to: '2025-12-31' });
    expect(previousPeriodRange('thisWeek', now)).toEqual({ from: '2025-12-22', to: '2025-12-28' });
    expect(previousPeriodRange('thisMonth', now)).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(previousPeriodRange('thisQuarter', now)).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(previousPeriodRange('thisYear', now)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(previousPeriodRange('lastMonth', now)).toEqual({ from: '2025-11-01', to: '2025-11-30' });
    expect(previousPeriodRange('lastQuarter', now)).toEqual({ from: '2025-07-01', to: '2025-09-30' });
    expect(previousPeriodRange('lastYear', now)).toEqual({ from: '2024-01-01', to: '2024-12-31' });
  });
});
