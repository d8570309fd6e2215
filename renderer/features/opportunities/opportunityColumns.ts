import { formatDate, formatMoney } from '../../../shared/format';
import type { Opportunity, UpdateOpportunityBody } from '../../../shared/schemas/opportunities';
import { opportunitySortFields } from '../../../shared/schemas/opportunities';
import { textEditor, type CellEdit, type GridColumn } from '../../grid/editing/cellEdit';
import { parseDay, parseVnd, requiredText } from '../../grid/editing/parseValues';
import type { Translate } from '../../i18n/translate';

type EditableField = keyof Pick<UpdateOpportunityBody, 'name' | 'expectedRevenue' | 'expectedDate' | 'startDate'>;

/** A text-typed cell saved as one PATCH field (with the row's version, by the grid). */
const typed = (field: EditableField, parse: typeof requiredText, shown: (row: Opportunity) => string, format?: (value: unknown) => string): CellEdit<Opportunity> => ({
  editor: textEditor({ parse, format }),
  value: (row) => row[field],
  patch: (value) => ({ [field]: value }),
  text: shown,
});

const dayText = (value: unknown) => (typeof value === 'string' ? formatDate(value) : '');
const moneyText = (value: unknown) => (typeof value === 'number' ? formatMoney(value).replace(/\s*₫$/, '') : '');

/**
 * The Cơ hội grid's columns; ids are the API's field names (the sort model goes to the server as
 * it is, and the export takes the visible ids in order). Name, expected revenue and the two dates
 * edit in the cell (Enter, F2 or typing) on rows the user may edit; the rest through the form.
 */
export function opportunityColumns(t: Translate): GridColumn<Opportunity>[] {
  const columns: GridColumn<Opportunity>[] = [
    { colId: 'number', field: 'number', headerName: t('opportunities.field.number'), width: 110, cellClass: 'grid-cell-opens' },
    {
      colId: 'name', field: 'name', headerName: t('opportunities.field.name'), width: 240,
      edit: typed('name', requiredText, (row) => row.name),
    },
    { colId: 'customerName', field: 'customerName', headerName: t('opportunities.field.customer'), width: 220 },
    { colId: 'ownerName', field: 'ownerName', headerName: t('opportunities.field.owner'), width: 170 },
    { colId: 'stage', field: 'stage', headerName: t('opportunities.field.stage'), width: 130, valueFormatter: ({ value }) => (value ? t(`opportunityStage.${value as Opportunity['stage']}`) : '') },
    { colId: 'status', field: 'status', headerName: t('opportunities.field.status'), width: 130 },
    {
      colId: 'probability', field: 'probability', headerName: t('opportunities.field.probability'), width: 110, type: 'rightAligned',
      valueFormatter: ({ value }) => (typeof value === 'number' ? `${value}%` : ''),
    },
    {
      colId: 'expectedRevenue', field: 'expectedRevenue', headerName: t('opportunities.field.expectedRevenue'), width: 170, type: 'rightAligned',
      valueFormatter: ({ value }) => formatMoney(value),
      edit: typed('expectedRevenue', parseVnd, (row) => formatMoney(row.expectedRevenue), moneyText),
    },
    {
      colId: 'expectedDate', field: 'expectedDate', headerName: t('opportunities.field.expectedDate'), width: 130, valueFormatter: ({ value }) => formatDate(value),
      // Required by the API: an emptied cell is refused before it is sent.
      edit: typed('expectedDate', (text) => (text.trim() ? parseDay(text) : { error: 'gridEdit.required' }), (row) => formatDate(row.expectedDate), dayText),
    },
    {
      colId: 'startDate', field: 'startDate', headerName: t('opportunities.field.startDate'), width: 130, valueFormatter: ({ value }) => formatDate(value),
      edit: typed('startDate', parseDay, (row) => formatDate(row.startDate), dayText),
    },
    { colId: 'lostReason', field: 'lostReason', headerName: t('opportunities.field.lostReason'), width: 180 },
  ];
  const sortable: readonly string[] = opportunitySortFields;
  return columns.map((column) => ({ ...column, sortable: sortable.includes(column.colId) }));
}
