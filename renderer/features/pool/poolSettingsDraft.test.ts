import { describe, expect, test } from 'vitest';
import type { PoolSettingsView } from '../../../shared/schemas/pool';
import { translate } from '../../i18n/translate';
import type { MessageKey } from '../../i18n/vi';
import { poolFieldMessage, toBody, toDraft } from './poolSettingsDraft';

const t = (key: MessageKey, params?: Record<string, string | number>) => translate('vi', key, params);

const settings: PoolSettingsView = {
  rules: {
    noActivitySinceLast: { enabled: true, days: 30, activityStatuses: ['done'], contractFilter: 'with', typeIds: [3] },
    noActivitySinceTransfer: { enabled: false, days: 15, contractFilter: 'all' },
    noContractSinceTransfer: { enabled: true, days: 90, tierIds: [2] },
  },
  claimLimit: { enabled: true, perDay: 5 },
  intervalMinutes: 60,
  claimCooldownDays: 7,
  reminderDaysBefore: 3,
  running: true,
  lastRunAt: null,
  nextRunAt: null,
  lastRunMoved: null,
};

describe('pool settings form', () => {
  test('what was read goes back as it was, limits made explicit and without the run state', () => {
    const checked = toBody(toDraft(settings));
    expect(checked).toEqual({
      body: {
        rules: {
          noActivitySinceLast: { enabled: true, days: 30, activityStatuses: ['done'], contractFilter: 'with', typeIds: [3], tierIds: [] },
          noActivitySinceTransfer: { enabled: false, days: 15, contractFilter: 'all', typeIds: [], tierIds: [] },
          noContractSinceTransfer: { enabled: true, days: 90, typeIds: [], tierIds: [2] },
        },
        claimLimit: { enabled: true, perDay: 5 },
        claimCooldownDays: 7,
        reminderDaysBefore: 3,
        intervalMinutes: 60,
      },
    });
  });

  test('numbers outside the API bounds, blanks and fractions name their field, in screen order', () => {
    const draft = toDraft(settings);
    const withRule = (days: string) => ({ ...draft, rules: { ...draft.rules, noActivitySinceTransfer: { ...draft.rules.noActivitySinceTransfer, days } } });
    expect(toBody(withRule('0'))).toEqual({ invalidField: 'rules.noActivitySinceTransfer.days' });
    expect(toBody(withRule('3651'))).toEqual({ invalidField: 'rules.noActivitySinceTransfer.days' });
    expect(toBody(withRule('1.5'))).toEqual({ invalidField: 'rules.noActivitySinceTransfer.days' });
    expect(toBody({ ...withRule(''), intervalMinutes: '4' })).toEqual({ invalidField: 'rules.noActivitySinceTransfer.days' });
    expect(toBody({ ...draft, intervalMinutes: '4' })).toEqual({ invalidField: 'intervalMinutes' });
    expect(toBody({ ...draft, claimCooldownDays: '0', reminderDaysBefore: '0' })).toHaveProperty('body');
  });

  test('an enabled rule 1 must count some activity status; a disabled one need not', () => {
    const draft = toDraft(settings);
    const first = { ...draft.rules.noActivitySinceLast, activityStatuses: [] };
    expect(toBody({ ...draft, rules: { ...draft.rules, noActivitySinceLast: first } })).toEqual({ invalidField: 'rules.noActivitySinceLast.activityStatuses' });
    expect(toBody({ ...draft, rules: { ...draft.rules, noActivitySinceLast: { ...first, enabled: false } } })).toHaveProperty('body');
  });

  test('the message at a field states its range, for the form and the server alike', () => {
    expect(poolFieldMessage('rules.noContractSinceTransfer.days', t)).toBe('Nhập số nguyên từ 1 đến 3650.');
    expect(poolFieldMessage('claimLimit.perDay', t)).toBe('Nhập số nguyên từ 1 đến 100000.');
    expect(poolFieldMessage('intervalMinutes', t)).toBe('Nhập số nguyên từ 5 đến 10080.');
    expect(poolFieldMessage('reminderDaysBefore', t)).toBe('Nhập số nguyên từ 0 đến 365.');
    expect(poolFieldMessage('rules.noActivitySinceLast.activityStatuses', t)).toBe('Chọn ít nhất một trạng thái giao dịch.');
    expect(poolFieldMessage('rules.noActivitySinceLast.typeIds', t)).toBeUndefined();
  });
});
