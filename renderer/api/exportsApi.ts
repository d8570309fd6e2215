import type { ExportInfo, ExportTicket, ExportTicketBody } from '../../shared/schemas/exports';
import { http } from './http';

export const exportsApi = {
  ticket: (body: ExportTicketBody) => http.post<ExportTicket>('/api/exports/ticket', body),
  get: (id: number) => http.get<ExportInfo>(`/api/exports/${id}`),
  cancel: (id: number) => http.post<{ ok: boolean }>(`/api/exports/${id}/cancel`),
  recent: () => http.get<ExportInfo[]>('/api/exports/recent'),
};
