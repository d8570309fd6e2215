import { describe, expect, test } from 'vitest';
import { rangeOfPeriod } from '../common/dayRange';
import { emptySearch, searchFilter, type SearchDraft } from './opportunitySearch';

const draft = (patch: Partial<SearchDraft>): SearchDraft => ({ ...emptySearch, ...patch });

describe('searchFilter', () => {
  test('an empty panel searches everything', () => {
    expect(searchFilter(emptySearch)).toEqual({ filter: {} });
  });

  test('texts are trimmed, the creator and Theo dõi go as the API names them', () => {
    const result = searchFilter(draft({ number: ' CH0001 ', name: 'máy lọc', customer: '  ', creator: { id: 7, fullName: 'Lan' }, stage: 'following' }));
    expect(result).toEqual({ filter: { number: 'CH0001', name: 'máy lọc', creatorId: 7, stage: 'following' } });
  });

  test('typed days become yyyy-MM-dd, both ends inclusive, one end alone is fine', () => {
    const result = searchFilter(draft({ start: { period: '', from: '1/3/2026', to: '' }, expected: { period: '', from: '', to: '31/12/2026' } }));
    expect(result).toEqual({ filter: { startFrom: '2026-03-01', expectedTo: '2026-12-31' } });
  });

  test('a day that is not dd/MM/yyyy is refused at its input, naming the range', () => {
    expect(searchFilter(draft({ expected: { period: '', from: '', to: '31/02/2026' } }))).toEqual({
      error: { field: 'expectedTo', message: 'opportunities.form.invalidDate', params: { field: 'opportunities.field.expectedDate' } },
    });
    expect(searchFilter(draft({ start: { period: '', from: '2026-03-01', to: '' } }))).toMatchObject({ error: { field: 'startFrom' } });
  });

  test('a range that ends before it starts is refused at its end', () => {
    expect(searchFilter(draft({ start: { period: '', from: '02/03/2026', to: '01/03/2026' } }))).toMatchObject({
      error: { field: 'startTo', message: 'opportunities.search.rangeReversed' },
    });
  });
});

describe('rangeOfPeriod', () => {
  // 2026-03-31 20:00 UTC is already 1 April in Vietnam.
  const now = new Date('2026-03-31T20:00:00Z');

  test('fills the inputs with the Vietnamese calendar days of the period', () => {
    expect(rangeOfPeriod('today', now)).toEqual({ period: 'today', from: '01/04/2026', to: '01/04/2026' });
    expect(rangeOfPeriod('thisQuarter', now)).toEqual({ period: 'thisQuarter', from: '01/04/2026', to: '30/06/2026' });
    expect(rangeOfPeriod('lastMonth', now)).toEqual({ period: 'lastMonth', from: '01/03/2026', to: '31/03/2026' });
  });

  test('a picked period searches exactly its days', () => {
    expect(searchFilter(draft({ expected: rangeOfPeriod('thisYear', now) }))).toEqual({ filter: { expectedFrom: '2026-01-01', expectedTo: '2026-12-31' } });
  });

  test('no period clears the range', () => {
    expect(rangeOfPeriod('', now)).toEqual({ period: '', from: '', to: '' });
  });
});
