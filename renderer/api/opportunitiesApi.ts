import type {
  CreateOpportunityBody, DeletedOpportunity, Opportunity, OpportunityDetail, OpportunityListQuery, OpportunityProductQuery, OpportunityProductRow,
  UpdateOpportunityBody,
} from '../../shared/schemas/opportunities';
import { http } from './http';
import type { PageOf } from './PageOf';

export const opportunitiesApi = {
  list: (query: OpportunityListQuery) => http.get<PageOf<Opportunity>>('/api/opportunities', query),
  get: (id: number) => http.get<OpportunityDetail>(`/api/opportunities/${id}`),
  create: (body: CreateOpportunityBody) => http.post<OpportunityDetail>('/api/opportunities', body),
  update: (id: number, body: UpdateOpportunityBody) => http.patch<OpportunityDetail>(`/api/opportunities/${id}`, body),
  /** To the recycle bin (restorable). */
  remove: (id: number) => http.delete<{ ok: boolean }>(`/api/opportunities/${id}`),
  restore: (id: number) => http.post<OpportunityDetail>(`/api/opportunities/${id}/restore`),
  recycleBin: (query: { offset?: number; limit?: number }) => http.get<PageOf<DeletedOpportunity>>('/api/recycle-bin/opportunities', query),
  /** S3 Tra cứu hàng hóa: product lines of the opportunities the caller may see. */
  products: (query: OpportunityProductQuery) => http.get<OpportunityProductRow[]>('/api/opportunities/products', query),
};
