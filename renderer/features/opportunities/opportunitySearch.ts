import { formatDate, parseDisplayDate } from '../../../shared/format';
import { periodRange, type Period } from '../../../shared/periods';
import type { OpportunityStage } from '../../../shared/schemas/enums';
import type { OpportunityFilter } from '../../../shared/schemas/opportunities';
import type { PickedUser } from '../common/searchUsers';
import type { FormProblem } from './formProblem';

/** A date range of the search panel as typed (dd/MM/yyyy); `period` is the named period that filled it, '' once typed by hand. */
export type RangeDraft = { period: Period | ''; from: string; to: string };

/** The S2 search panel as the user fills it; `searchFilter` turns it into the API's filter. */
export type SearchDraft = {
  number: string;
  name: string;
  customer: string;
  creator: PickedUser | null;
  stage: OpportunityStage | 'following' | '';
  start: RangeDraft;
  expected: RangeDraft;
};

const noRange: RangeDraft = { period: '', from: '', to: '' };
export const emptySearch: SearchDraft = { number: '', name: '', customer: '', creator: null, stage: '', start: noRange, expected: noRange };

/** A named period's days (Asia/Ho_Chi_Minh, shared/periods.ts) as the inputs show them; '' clears the range. */
export function rangeOfPeriod(period: Period | '', now: Date = new Date()): RangeDraft {
  if (!period) return noRange;
  const { from, to } = periodRange(period, now);
  return { period, from: formatDate(from), to: formatDate(to) };
}

const rangeFields = {
  start: { from: 'startFrom', to: 'startTo', label: 'opportunities.field.startDate' },
  expected: { from: 'expectedFrom', to: 'expectedTo', label: 'opportunities.field.expectedDate' },
} as const;

/** One range's API bounds, or why it cannot be one (a day that is not dd/MM/yyyy, or a start after the end). */
function rangeFilter(which: keyof typeof rangeFields, range: RangeDraft): { bounds: OpportunityFilter } | { error: FormProblem } {
  const names = rangeFields[which];
  const bounds: OpportunityFilter = {};
  for (const end of ['from', 'to'] as const) {
    const text = range[end].trim();
    if (!text) continue;
    const day = parseDisplayDate(text);
    if (!day) return { error: { field: names[end], message: 'opportunities.form.invalidDate', params: { field: names.label } } };
    bounds[names[end]] = day;
  }
  const from = bounds[names.from];
  const to = bounds[names.to];
  if (from && to && from > to) return { error: { field: names.to, message: 'opportunities.search.rangeReversed', params: { field: names.label } } };
  return { bounds };
}

const text = (value: string) => value.trim() || undefined;

/** The API filter (GET /api/opportunities) of a filled panel; empty inputs are left out. */
export function searchFilter(draft: SearchDraft): { filter: OpportunityFilter } | { error: FormProblem } {
  const start = rangeFilter('start', draft.start);
  if ('error' in start) return start;
  const expected = rangeFilter('expected', draft.expected);
  if ('error' in expected) return expected;
  const filter: OpportunityFilter = {
    number: text(draft.number),
    name: text(draft.name),
    customer: text(draft.customer),
    creatorId: draft.creator?.id,
    stage: draft.stage || undefined,
    ...start.bounds,
    ...expected.bounds,
  };
  return { filter: Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)) };
}
