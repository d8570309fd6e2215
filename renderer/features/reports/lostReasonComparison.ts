import type { LostReasonReportRow } from '../../../shared/schemas/opportunities';

/** One reason in the comparison table: this period's and the previous period's count and percent (0 where it had none). */
export type ReasonComparison = { reason: string; count: number; percent: number; previousCount: number; previousPercent: number };

/**
 * The reasons of both periods side by side, this period's most frequent first, then reasons only
 * the previous period had (by their count there), ties by name in Vietnamese order.
 */
export function compareLostReasons(current: LostReasonReportRow[], previous: LostReasonReportRow[]): ReasonComparison[] {
  const rows = new Map<string, ReasonComparison>();
  for (const row of current) rows.set(row.reason, { reason: row.reason, count: row.count, percent: row.percent, previousCount: 0, previousPercent: 0 });
  for (const row of previous) {
    const known = rows.get(row.reason) ?? { reason: row.reason, count: 0, percent: 0, previousCount: 0, previousPercent: 0 };
    rows.set(row.reason, { ...known, previousCount: row.count, previousPercent: row.percent });
  }
  const collator = new Intl.Collator('vi');
  return [...rows.values()].sort((a, b) => b.count - a.count || b.previousCount - a.previousCount || collator.compare(a.reason, b.reason));
}

/** `42,9%`: a percent as the report gives it (one decimal), written the Vietnamese way. */
export function percentText(percent: number): string {
  return `${percent.toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;
}
