import { expect } from 'vitest';
import type { PoolRules, PoolSettingsBody } from '../../shared/schemas/pool';
import type { ApiClient } from '../support/apiClient';
import type { CompanyApp } from '../support/companyApp';

/** Every rule off: tests turn on what they check. */
export const rulesOff: PoolRules = {
  noActivitySinceLast: { enabled: false, days: 30, activityStatuses: ['done'], contractFilter: 'all' },
  noActivitySinceTransfer: { enabled: false, days: 15, contractFilter: 'all' },
  noContractSinceTransfer: { enabled: false, days: 90 },
};

type RulesPatch = { [K in keyof PoolRules]?: Partial<PoolRules[K]> };

/** Helpers over one test file's company app. */
export function poolFixtures(t: CompanyApp) {
  const saveSettings = async (rules: RulesPatch, extra: Partial<PoolSettingsBody> = {}) => {
    const body: PoolSettingsBody = {
      rules: {
        noActivitySinceLast: { ...rulesOff.noActivitySinceLast, ...rules.noActivitySinceLast },
        noActivitySinceTransfer: { ...rulesOff.noActivitySinceTransfer, ...rules.noActivitySinceTransfer },
        noContractSinceTransfer: { ...rulesOff.noContractSinceTransfer, ...rules.noContractSinceTransfer },
      },
      claimLimit: { enabled: false, perDay: 10 }, intervalMinutes: 60, ...extra,
    };
    const response = await t.admin.call('PUT', '/api/pool/settings', body);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  };

  /** A customer of `owner` received at `receivedAt` (an instant, e.g. '2026-01-10T00:30:00+07:00'). */
  const customer = async (owner: ApiClient, name: string, receivedAt: string, fields: Record<string, unknown> = {}) => {
    const response = await owner.call('POST', '/api/customers', { name });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    await t.db('customers').where({ id: response.body.id }).update({ owner_assigned_at: receivedAt, ...fields });
    return response.body.id as number;
  };

  const activity = async (customerId: number, date: string, status: 'not_started' | 'in_progress' | 'done' = 'done') => {
    const { owner_id } = await t.db('customers').where({ id: customerId }).first('owner_id');
    await t.db('activities').insert({ customer_id: customerId, owner_id: owner_id ?? t.company.staffA.id, type: 'call', subject: 'Gọi điện', date, status });
  };

  const contract = async (customerId: number, date: string) => {
    const { owner_id } = await t.db('customers').where({ id: customerId }).first('owner_id');
    await t.db('contracts').insert({ customer_id: customerId, owner_id: owner_id ?? t.company.staffA.id, date, value: 1000000 });
  };

  /** The ids a dry run as of `asOf` would move, among `ids`. */
  const wouldMove = async (asOf: string, ids: number[]) => {
    const response = await t.admin.call('POST', '/api/pool/run', { dryRun: true, asOf });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return (response.body.customerIds as number[]).filter((id) => ids.includes(id)).sort((a, b) => a - b);
  };

  const inPool = async (id: number) => (await t.db('customers').where({ id }).first('in_pool')).in_pool as boolean;

  return { saveSettings, customer, activity, contract, wouldMove, inPool };
}
