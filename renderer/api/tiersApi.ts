import type { CreateTierBody, CustomerTier, Tier, TierRecomputeResult, TierSettings, TierWriteResult, UpdateTierBody } from '../../shared/schemas/tiers';
import { http } from './http';

/** C4 tiers: everyone reads the settings and the list; admins change them (403 otherwise). */
export const tiersApi = {
  settings: () => http.get<TierSettings>('/api/tiers/settings'),
  saveSettings: (settings: TierSettings) => http.put<TierSettings>('/api/tiers/settings', settings),
  list: () => http.get<Tier[]>('/api/tiers'),
  create: (body: CreateTierBody) => http.post<TierWriteResult>('/api/tiers', body),
  update: (id: number, body: UpdateTierBody) => http.patch<TierWriteResult>(`/api/tiers/${id}`, body),
  remove: (id: number) => http.delete<unknown>(`/api/tiers/${id}`),
  recompute: () => http.post<TierRecomputeResult>('/api/tiers/recompute', {}),
  ofCustomer: (customerId: number) => http.get<CustomerTier>(`/api/customers/${customerId}/tier`),
};
