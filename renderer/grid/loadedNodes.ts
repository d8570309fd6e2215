import type { GridApi, IRowNode } from 'ag-grid-community';

/** The rows an Infinite Row Model grid holds right now (loaded blocks), without loading stubs. */
export function loadedNodes<Row>(api: GridApi<Row>): IRowNode<Row>[] {
  const nodes: IRowNode<Row>[] = [];
  api.forEachNode((node) => {
    if (node.data) nodes.push(node);
  });
  return nodes;
}
