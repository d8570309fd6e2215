import type { OpportunityFilter } from '../../../shared/schemas/opportunities';

/** A slice of the lost-reason chart: the opportunities lost for `reason` on a day from `from` to `to` (yyyy-MM-dd). */
export type LostSlice = { reason: string; from: string; to: string };

const day = /^\d{4}-\d{2}-\d{2}$/;

/** The Cơ hội page's link that opens a slice (Báo cáo → the grid). */
export function lostSlicePath(slice: LostSlice): string {
  const query = new URLSearchParams({ lostReason: slice.reason, lostFrom: slice.from, lostTo: slice.to });
  return `/opportunities?${query.toString()}`;
}

/** The slice a link names, or null when it names none (or a malformed one). */
export function lostSliceOf(query: URLSearchParams): LostSlice | null {
  const reason = query.get('lostReason');
  const from = query.get('lostFrom') ?? '';
  const to = query.get('lostTo') ?? '';
  if (!reason || !day.test(from) || !day.test(to)) return null;
  return { reason, from, to };
}

/** The API filter of a slice: lost, for that reason, lost on those days (Asia/Ho_Chi_Minh). */
export function lostSliceFilter(slice: LostSlice): OpportunityFilter {
  return { stage: 'lost', lostReason: slice.reason, lostFrom: slice.from, lostTo: slice.to };
}
