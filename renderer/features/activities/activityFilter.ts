import type { ActivityStatus } from '../../../shared/schemas/enums';
import type { ActivityFilter } from '../../../shared/schemas/exports';
import { noRange, type RangeDraft, type RangeEnd } from '../common/dayRange';
import type { PickedUser } from '../common/searchUsers';

/** The Giao dịch filter bar as the user sets it; the owner keeps the name the picker and its chip show. */
export type ActivityToolbar = {
  search: string;
  range: RangeDraft;
  type: string;
  status: ActivityStatus | '';
  owner: PickedUser | null;
};

export const emptyActivityToolbar: ActivityToolbar = { search: '', range: noRange, type: '', status: '', owner: null };

/**
 * The filter of GET /api/activities (and of its export) for the bar; `days` are the range's ends
 * as last parsed (a range being typed keeps the last good one). Empty choices are left out.
 */
export function activityFilter(toolbar: ActivityToolbar, days: Partial<Record<RangeEnd, string>>): ActivityFilter {
  const filter: ActivityFilter = {};
  const search = toolbar.search.trim();
  if (search) filter.search = search;
  if (days.from) filter.from = days.from;
  if (days.to) filter.to = days.to;
  if (toolbar.type) filter.type = toolbar.type;
  if (toolbar.status) filter.status = toolbar.status;
  if (toolbar.owner) filter.ownerId = toolbar.owner.id;
  return filter;
}
