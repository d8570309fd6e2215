import type { FilterModel, IDatasource, SortModelItem } from 'ag-grid-community';

export type BlockRequest = { offset: number; limit: number; sortModel: SortModelItem[]; filterModel: FilterModel };
/** `totalEstimated`: the server answered a new search's first page before counting it (SPEC list contract). */
export type Block<Row> = { rows: Row[]; total: number; totalEstimated?: boolean };

/** How soon a grid asks again for the exact total of a search answered with an estimate. */
const estimateRefreshMs = 1500;

/**
 * An Infinite Row Model datasource over an `offset/limit → {rows,total}` API:
 * each block the grid asks for is one request, and the total is the grid's last row. An
 * estimated total is asked for again shortly (the loaded blocks reload in place).
 */
export function createInfiniteDatasource<Row>(loadBlock: (request: BlockRequest) => Promise<Block<Row>>, onError: (error: unknown) => void): IDatasource {
  return {
    getRows(params) {
      const filterModel: FilterModel = params.filterModel ?? {};
      loadBlock({ offset: params.startRow, limit: params.endRow - params.startRow, sortModel: params.sortModel, filterModel }).then(
        (block) => {
          params.successCallback(block.rows, block.total);
          if (block.totalEstimated) setTimeout(() => params.api.isDestroyed() || params.api.refreshInfiniteCache(), estimateRefreshMs);
        },
        (error: unknown) => {
          params.failCallback();
          onError(error);
        },
      );
    },
  };
}
