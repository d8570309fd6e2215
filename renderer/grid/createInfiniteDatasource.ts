import type { FilterModel, IDatasource, SortModelItem } from 'ag-grid-community';

export type BlockRequest = { offset: number; limit: number; sortModel: SortModelItem[]; filterModel: FilterModel };
export type Block<Row> = { rows: Row[]; total: number };

/**
 * An Infinite Row Model datasource over an `offset/limit → {rows,total}` API:
 * each block the grid asks for is one request, and the total is the grid's last row.
 */
export function createInfiniteDatasource<Row>(loadBlock: (request: BlockRequest) => Promise<Block<Row>>, onError: (error: unknown) => void): IDatasource {
  return {
    getRows(params) {
      const filterModel: FilterModel = params.filterModel ?? {};
      loadBlock({ offset: params.startRow, limit: params.endRow - params.startRow, sortModel: params.sortModel, filterModel }).then(
        (block) => params.successCallback(block.rows, block.total),
        (error: unknown) => {
          params.failCallback();
          onError(error);
        },
      );
    },
  };
}
