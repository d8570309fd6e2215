import type { Campaign, CampaignBody } from '../../shared/schemas/campaigns';
import { http } from './http';

/** Chiến dịch: everyone lists them; managers and admins manage them; members are added from the grid (customersApi.massUpdate). */
export const campaignsApi = {
  list: () => http.get<Campaign[]>('/api/campaigns'),
  create: (body: CampaignBody) => http.post<Campaign>('/api/campaigns', body),
  rename: (id: number, body: CampaignBody) => http.patch<Campaign>(`/api/campaigns/${id}`, body),
  remove: (id: number) => http.delete<unknown>(`/api/campaigns/${id}`),
};
