import { expect, test } from 'vitest';
import { lostSliceFilter, lostSliceOf, lostSlicePath } from '../opportunities/lostSlice';
import { compareLostReasons, percentText } from './lostReasonComparison';

test('both periods side by side: this period first by count, then reasons only the previous period had', () => {
  const current = [{ reason: 'Giá cao', count: 3, percent: 75 }, { reason: 'Khác', count: 1, percent: 25 }];
  const previous = [{ reason: 'Đối thủ cạnh tranh', count: 2, percent: 66.7 }, { reason: 'Giá cao', count: 1, percent: 33.3 }];
  expect(compareLostReasons(current, previous)).toEqual([
    { reason: 'Giá cao', count: 3, percent: 75, previousCount: 1, previousPercent: 33.3 },
    { reason: 'Khác', count: 1, percent: 25, previousCount: 0, previousPercent: 0 },
    { reason: 'Đối thủ cạnh tranh', count: 0, percent: 0, previousCount: 2, previousPercent: 66.7 },
  ]);
});

test('percents are written with a decimal comma', () => {
  expect(percentText(42.9)).toBe('42,9%');
  expect(percentText(100)).toBe('100%');
});

test('a slice link round-trips to the lost filter of the grid; a malformed one is ignored', () => {
  const slice = { reason: 'Giá cao & khác', from: '2026-12-01', to: '2026-12-31' };
  const path = lostSlicePath(slice);
  expect(path.startsWith('/opportunities?')).toBe(true);
  expect(lostSliceOf(new URLSearchParams(path.split('?')[1]))).toEqual(slice);
  expect(lostSliceFilter(slice)).toEqual({ stage: 'lost', lostReason: 'Giá cao & khác', lostFrom: '2026-12-01', lostTo: '2026-12-31' });
  expect(lostSliceOf(new URLSearchParams('lostReason=X&lostFrom=1/12/2026&lostTo=2026-12-31'))).toBeNull();
  expect(lostSliceOf(new URLSearchParams('lostFrom=2026-12-01&lostTo=2026-12-31'))).toBeNull();
});
