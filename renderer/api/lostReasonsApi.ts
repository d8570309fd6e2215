import type { LostReason, LostReasonBody } from '../../shared/schemas/opportunities';
import { http } from './http';

/** Lý do thất bại, a managed list: everyone reads it, managers and admins maintain it. */
export const lostReasonsApi = {
  list: () => http.get<LostReason[]>('/api/lost-reasons'),
  create: (body: LostReasonBody) => http.post<LostReason>('/api/lost-reasons', body),
  update: (id: number, body: LostReasonBody) => http.patch<LostReason>(`/api/lost-reasons/${id}`, body),
  remove: (id: number) => http.delete<{ ok: boolean }>(`/api/lost-reasons/${id}`),
};
