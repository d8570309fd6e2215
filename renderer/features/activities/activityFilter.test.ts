import { describe, expect, test } from 'vitest';
import { parseDayRange, rangeOfPeriod } from '../common/dayRange';
import { activityFilter, emptyActivityToolbar } from './activityFilter';
import { activityUrgency } from './activityUrgency';

describe('activityFilter', () => {
  test('an empty bar filters nothing', () => {
    expect(activityFilter(emptyActivityToolbar, {})).toEqual({});
  });

  test('every choice goes under the name GET /api/activities and its export take', () => {
    const toolbar = { search: '  báo giá ', range: rangeOfPeriod('thisMonth'), type: 'call', status: 'done' as const, owner: { id: 7, fullName: 'Lan' } };
    expect(activityFilter(toolbar, { from: '2026-12-01', to: '2026-12-31' })).toEqual({ search: 'báo giá', from: '2026-12-01', to: '2026-12-31', type: 'call', status: 'done', ownerId: 7 });
  });
});

describe('parseDayRange', () => {
  test('typed days become yyyy-MM-dd; one end alone is fine', () => {
    expect(parseDayRange({ period: '', from: '1/12/2026', to: '' })).toEqual({ days: { from: '2026-12-01' } });
  });

  test('a wrong day or a reversed range names its end', () => {
    expect(parseDayRange({ period: '', from: '', to: '31/02/2026' })).toEqual({ problem: { end: 'to', reason: 'invalid' } });
    expect(parseDayRange({ period: '', from: '02/12/2026', to: '01/12/2026' })).toEqual({ problem: { end: 'to', reason: 'reversed' } });
  });
});

describe('activityUrgency', () => {
  const today = '2026-12-03';
  test('open work is overdue, today or upcoming by its day; done is done whatever the day', () => {
    expect(activityUrgency({ status: 'not_started', date: '2026-12-02' }, today)).toBe('overdue');
    expect(activityUrgency({ status: 'in_progress', date: today }, today)).toBe('today');
    expect(activityUrgency({ status: 'not_started', date: '2026-12-04' }, today)).toBe('upcoming');
    expect(activityUrgency({ status: 'done', date: '2026-11-01' }, today)).toBe('done');
  });
});
