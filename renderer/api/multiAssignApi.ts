import type { CreateMultiAssignRuleBody, MultiAssignRule, MultiAssignRunResult, UpdateMultiAssignRuleBody } from '../../shared/schemas/multiAssign';
import { http } from './http';

/** O4 rules (Multi Assigned Account), for managers and admins. `run` is "Chạy ngay": the scheduler's own run. */
export const multiAssignApi = {
  list: () => http.get<MultiAssignRule[]>('/api/automations/multi-assign'),
  create: (body: CreateMultiAssignRuleBody) => http.post<MultiAssignRule>('/api/automations/multi-assign', body),
  update: (id: number, body: UpdateMultiAssignRuleBody) => http.patch<MultiAssignRule>(`/api/automations/multi-assign/${id}`, body),
  remove: (id: number) => http.delete<unknown>(`/api/automations/multi-assign/${id}`),
  run: (id: number) => http.post<MultiAssignRunResult>(`/api/automations/multi-assign/${id}/run`),
};
