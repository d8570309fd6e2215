import type { Opportunity, OpportunityListQuery } from '../../shared/schemas/opportunities';
import { http } from './http';
import type { PageOf } from './PageOf';

export const opportunitiesApi = {
  list: (query: OpportunityListQuery) => http.get<PageOf<Opportunity>>('/api/opportunities', query),
  get: (id: number) => http.get<Opportunity>(`/api/opportunities/${id}`),
};
