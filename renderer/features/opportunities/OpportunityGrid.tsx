import type { GridApi } from 'ag-grid-community';
import { useMemo, useRef } from 'react';
import { opportunitySortFields, type Opportunity, type OpportunityDetail, type OpportunityFilter } from '../../../shared/schemas/opportunities';
import { opportunitiesApi } from '../../api/opportunitiesApi';
import { DataGrid } from '../../grid/DataGrid';
import type { RowSaver } from '../../grid/editing/useCellEditing';
import { sortParam } from '../../grid/sortParam';
import { useFilteredDatasource } from '../../grid/useFilteredDatasource';
import { useI18n } from '../../i18n/useI18n';
import { opportunityColumns } from './opportunityColumns';

export type LoadedOpportunities = { total: number; totalEstimated?: boolean; filter: OpportunityFilter };

type OpportunityGridProps = {
  filter: OpportunityFilter;
  onReady: (api: GridApi<Opportunity>) => void;
  onBlockLoaded: (block: LoadedOpportunities) => void;
  onOpen: (opportunity: Opportunity) => void;
};

/** Each cell edit is a PATCH of the opportunity's version, on rows the server says the user may edit. */
const opportunitySaver: RowSaver<Opportunity> = {
  rowId: (row) => String(row.id),
  saveCell: (row, patch) => opportunitiesApi.update(row.id, { version: row.version, ...patch }),
  loadRow: (row) => opportunitiesApi.get(row.id),
  // A conflict passes the reloaded row: loadRow's detail, which names who made its version.
  changedBy: (row) => ({ name: (row as Partial<OpportunityDetail>).updatedByName ?? null, at: row.updatedAt }),
  editableRow: (row) => row.editable,
};

/** The opportunity list on the one DataGrid: the server searches, sorts and pages (GET /api/opportunities). */
export function OpportunityGrid({ filter, onReady, onBlockLoaded, onOpen }: OpportunityGridProps) {
  const { t, locale } = useI18n();
  const columns = useMemo(() => opportunityColumns(t, locale), [t, locale]);
  const api = useRef<GridApi<Opportunity> | null>(null);
  const datasource = useFilteredDatasource(
    api,
    filter,
    (filterAtStart, { offset, limit, sortModel }) => opportunitiesApi.list({ ...filterAtStart, sort: sortParam(sortModel, opportunitySortFields), offset, limit }),
    onBlockLoaded,
  );

  return (
    <DataGrid<Opportunity>
      columns={columns}
      datasource={datasource}
      saver={opportunitySaver}
      columnStateKey="opportunityGrid.columnState"
      openColId="number"
      onOpen={onOpen}
      onReady={(gridApi) => {
        api.current = gridApi;
        onReady(gridApi);
      }}
    />
  );
}
