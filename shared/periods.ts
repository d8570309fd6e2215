import { todayInVietnam } from './format';

/**
 * Named periods of the search panels and the dashboard (S2, S5), as calendar days in
 * Asia/Ho_Chi_Minh: "today" is the Vietnamese calendar day of `now`, weeks start on Monday,
 * quarters are Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec. Ranges are inclusive `yyyy-MM-dd` days, what the
 * API's from/to filters take. The renderer and the server share this one definition.
 */
export const periods = ['today', 'thisWeek', 'thisMonth', 'thisQuarter', 'thisYear', 'lastMonth', 'lastQuarter', 'lastYear'] as const;
export type Period = (typeof periods)[number];

export const periodLabels: Record<Period, string> = {
  today: 'Hôm nay', thisWeek: 'Tuần này', thisMonth: 'Tháng này', thisQuarter: 'Quý này', thisYear: 'Năm nay',
  lastMonth: 'Tháng trước', lastQuarter: 'Quý trước', lastYear: 'Năm trước',
};

export type DayRange = { from: string; to: string };

const pad = (value: number) => String(value).padStart(2, '0');
/** A day from UTC year/month(0-based)/day; Date.UTC carries overflow (month 12 → January next year, day 0 → last day before). */
const day = (year: number, month: number, date: number): string => {
  const at = new Date(Date.UTC(year, month, date));
  return `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
};
const monthRange = (year: number, month: number, months: number): DayRange => ({ from: day(year, month, 1), to: day(year, month + months, 0) });

/** The days of `period` around `now` (default: this moment). */
export function periodRange(period: Period, now: Date = new Date()): DayRange {
  const [year, month, date] = todayInVietnam(now).split('-').map(Number);
  const m = month - 1;
  const quarterStart = m - (m % 3);
  switch (period) {
    case 'today': return { from: day(year, m, date), to: day(year, m, date) };
    case 'thisWeek': {
      // getUTCDay: Sunday 0 … Saturday 6; Monday-based offset 0 … 6.
      const offset = (new Date(Date.UTC(year, m, date)).getUTCDay() + 6) % 7;
      return { from: day(year, m, date - offset), to: day(year, m, date - offset + 6) };
    }
    case 'thisMonth': return monthRange(year, m, 1);
    case 'thisQuarter': return monthRange(year, quarterStart, 3);
    case 'thisYear': return monthRange(year, 0, 12);
    case 'lastMonth': return monthRange(year, m - 1, 1);
    case 'lastQuarter': return monthRange(year, quarterStart - 3, 3);
    case 'lastYear': return monthRange(year - 1, 0, 12);
  }
}

/**
 * The period of the same kind just before `periodRange(period, now)`: yesterday, last week, the
 * month / quarter / year before. The dashboard shows it beside the chosen one.
 */
export function previousPeriodRange(period: Period, now: Date = new Date()): DayRange {
  const { from } = periodRange(period, now);
  const [year, month, date] = from.split('-').map(Number);
  const m = month - 1;
  switch (period) {
    case 'today': return { from: day(year, m, date - 1), to: day(year, m, date - 1) };
    case 'thisWeek': return { from: day(year, m, date - 7), to: day(year, m, date - 1) };
    case 'thisMonth': case 'lastMonth': return monthRange(year, m - 1, 1);
    case 'thisQuarter': case 'lastQuarter': return monthRange(year, m - 3, 3);
    case 'thisYear': case 'lastYear': return monthRange(year - 1, 0, 12);
  }
}
