import type { IGetRowsParams } from 'ag-grid-community';
import { describe, expect, it, vi } from 'vitest';
import { createInfiniteDatasource } from '../../renderer/grid/createInfiniteDatasource';
import { formatListTotal } from '../../renderer/i18n/formatCount';
import { translate } from '../../renderer/i18n/translate';

/** One getRows call as AG Grid makes it; resolves with what the grid was told. */
function requestBlock(datasource: ReturnType<typeof createInfiniteDatasource>, api: { isDestroyed: () => boolean; refreshInfiniteCache: () => void }) {
  return new Promise<{ rows: unknown[]; lastRow?: number }>((resolve) => {
    datasource.getRows({
      startRow: 0, endRow: 100, sortModel: [], filterModel: {}, api, context: undefined,
      successCallback: (rows: unknown[], lastRow?: number) => resolve({ rows, lastRow }),
      failCallback: () => resolve({ rows: [] }),
    } as unknown as IGetRowsParams);
  });
}

describe('a list total the server estimated', () => {
  it('is shown as an estimate, and the grid asks again for the exact one', async () => {
    vi.useFakeTimers();
    try {
      const api = { isDestroyed: () => false, refreshInfiniteCache: vi.fn() };
      const estimated = createInfiniteDatasource(async () => ({ rows: [{ id: 1 }], total: 57748, totalEstimated: true }), () => undefined);
      expect(await requestBlock(estimated, api)).toEqual({ rows: [{ id: 1 }], lastRow: 57748 });
      await vi.advanceTimersByTimeAsync(2000);
      expect(api.refreshInfiniteCache).toHaveBeenCalledTimes(1);

      const exact = createInfiniteDatasource(async () => ({ rows: [], total: 3 }), () => undefined);
      await requestBlock(exact, api);
      await vi.advanceTimersByTimeAsync(2000);
      expect(api.refreshInfiniteCache).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads "khoảng" in Vietnamese and "about" in English', () => {
    expect(formatListTotal({ total: 57748, totalEstimated: true }, 'vi', (key, params) => translate('vi', key, params))).toBe('khoảng 57.748');
    expect(formatListTotal({ total: 57748 }, 'vi', (key, params) => translate('vi', key, params))).toBe('57.748');
    expect(formatListTotal({ total: 57748, totalEstimated: true }, 'en', (key, params) => translate('en', key, params))).toBe('about 57,748');
  });
});
