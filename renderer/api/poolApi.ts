import type { Static } from 'typebox';
import type {
  PoolAddBody,
  PoolAddResult,
  PoolAssignBody,
  PoolAssignResult,
  PoolClaimBody,
  PoolClaimResult,
  PoolClaimsToday,
  PoolRunResult,
  PoolSettingsBody,
  PoolSettingsView,
} from '../../shared/schemas/pool';
import { http } from './http';

/**
 * Khách hàng chung (P1–P3). Settings are read by everyone and written by admins (also start, stop
 * and a real run); a dry run (`preview`) moves nothing. Claims take an Idempotency-Key: a retry after
 * a lost answer claims nothing twice.
 */
export const poolApi = {
  settings: () => http.get<PoolSettingsView>('/api/pool/settings'),
  saveSettings: (body: PoolSettingsBody) => http.put<PoolSettingsView>('/api/pool/settings', body),
  start: () => http.post<PoolSettingsView>('/api/pool/start'),
  stop: () => http.post<PoolSettingsView>('/api/pool/stop'),
  /** Reset: the scheduled run, now. */
  run: () => http.post<PoolRunResult>('/api/pool/run', {}),
  /** What a run at `asOf` (ISO instant) would move, with the rule that caught each customer. */
  preview: (asOf: string) => http.post<Required<PoolRunResult>>('/api/pool/run', { dryRun: true, asOf }),
  claim: (body: PoolClaimBody, idempotencyKey: string) => http.post<PoolClaimResult>('/api/pool/claim', body, undefined, { 'Idempotency-Key': idempotencyKey }),
  claimsToday: () => http.get<PoolClaimsToday>('/api/pool/claims/today'),
  /** Managers and admins: customers they may edit into the pool. */
  add: (body: PoolAddBody) => http.post<Static<typeof PoolAddResult>>('/api/pool/add', body),
  /** Managers and admins: pool customers to an owner they may assign. */
  assign: (body: PoolAssignBody) => http.post<Static<typeof PoolAssignResult>>('/api/pool/assign', body),
};
