import { formatDate, parseDisplayDate } from '../../../shared/format';
import { periodRange, type Period } from '../../../shared/periods';

/** A day range as typed (dd/MM/yyyy); `period` is the named period that filled it, '' once typed by hand. */
export type RangeDraft = { period: Period | ''; from: string; to: string };

export const noRange: RangeDraft = { period: '', from: '', to: '' };

/** A named period's days (Asia/Ho_Chi_Minh, shared/periods.ts) as the inputs show them; '' clears the range. */
export function rangeOfPeriod(period: Period | '', now: Date = new Date()): RangeDraft {
  if (!period) return noRange;
  const { from, to } = periodRange(period, now);
  return { period, from: formatDate(from), to: formatDate(to) };
}

export type RangeEnd = 'from' | 'to';
export type DayRangeProblem = { end: RangeEnd; reason: 'invalid' | 'reversed' };

/** The typed ends as API days (yyyy-MM-dd, both inclusive, an empty end left out), or which end is wrong and why. */
export function parseDayRange(range: RangeDraft): { days: Partial<Record<RangeEnd, string>> } | { problem: DayRangeProblem } {
  const days: Partial<Record<RangeEnd, string>> = {};
  for (const end of ['from', 'to'] as const) {
    const text = range[end].trim();
    if (!text) continue;
    const day = parseDisplayDate(text);
    if (!day) return { problem: { end, reason: 'invalid' } };
    days[end] = day;
  }
  if (days.from && days.to && days.from > days.to) return { problem: { end: 'to', reason: 'reversed' } };
  return { days };
}
