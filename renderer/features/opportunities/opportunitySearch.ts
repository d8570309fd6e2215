import type { OpportunityStage } from '../../../shared/schemas/enums';
import type { OpportunityFilter } from '../../../shared/schemas/opportunities';
import { noRange, parseDayRange, type RangeDraft } from '../common/dayRange';
import type { PickedUser } from '../common/searchUsers';
import type { FormProblem } from './formProblem';

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

export const emptySearch: SearchDraft = { number: '', name: '', customer: '', creator: null, stage: '', start: noRange, expected: noRange };

const rangeFields = {
  start: { from: 'startFrom', to: 'startTo', label: 'opportunities.field.startDate' },
  expected: { from: 'expectedFrom', to: 'expectedTo', label: 'opportunities.field.expectedDate' },
} as const;

/** One range's API bounds, or why it cannot be one (a day that is not dd/MM/yyyy, or a start after the end). */
function rangeFilter(which: keyof typeof rangeFields, range: RangeDraft): { bounds: OpportunityFilter } | { error: FormProblem } {
  const names = rangeFields[which];
  const parsed = parseDayRange(range);
  if ('problem' in parsed) {
    const { end, reason } = parsed.problem;
    const message = reason === 'invalid' ? 'opportunities.form.invalidDate' : 'opportunities.search.rangeReversed';
    return { error: { field: names[end], message, params: { field: names.label } } };
  }
  const bounds: OpportunityFilter = {};
  if (parsed.days.from) bounds[names.from] = parsed.days.from;
  if (parsed.days.to) bounds[names.to] = parsed.days.to;
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
