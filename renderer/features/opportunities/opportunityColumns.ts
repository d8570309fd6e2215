import { opportunityColumns as opportunityColumnSpecs } from '../../../shared/columns/opportunityColumns';
import { formatDate, formatDateTime, formatMoney } from '../../../shared/format';
import type { Opportunity, UpdateOpportunityBody } from '../../../shared/schemas/opportunities';
import { opportunitySortFields } from '../../../shared/schemas/opportunities';
import { textEditor, type CellEdit, type GridColumn } from '../../grid/editing/cellEdit';
import { parseDay, parseVnd, requiredText } from '../../grid/editing/parseValues';
import type { Locale, Translate } from '../../i18n/translate';

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
export function opportunityColumns(t: Translate, locale: Locale): GridColumn<Opportunity>[] {
  // Headers come from the column specs the export writes too (shared/columns), so grid and file agree.
  const header = (key: string) => {
    const spec = opportunityColumnSpecs.find((column) => column.key === key);
    if (!spec) throw new Error(`no column spec ${key}`);
    return locale === 'vi' ? spec.headerVi : spec.headerEn;
  };
  const columns: GridColumn<Opportunity>[] = [
    { colId: 'number', field: 'number', headerName: header('number'), width: 110, cellClass: 'grid-cell-opens' },
    {
      colId: 'name', field: 'name', headerName: header('name'), width: 240,
      edit: typed('name', requiredText, (row) => row.name),
    },
    { colId: 'customerName', field: 'customerName', headerName: header('customerName'), width: 220 },
    { colId: 'ownerName', field: 'ownerName', headerName: header('ownerName'), width: 170 },
    { colId: 'stage', field: 'stage', headerName: header('stage'), width: 130, valueFormatter: ({ value }) => (value ? t(`opportunityStage.${value as Opportunity['stage']}`) : '') },
    { colId: 'status', field: 'status', headerName: header('status'), width: 130 },
    {
      colId: 'probability', field: 'probability', headerName: header('probability'), width: 110, type: 'rightAligned',
      valueFormatter: ({ value }) => (typeof value === 'number' ? `${value}%` : ''),
    },
    {
      colId: 'expectedRevenue', field: 'expectedRevenue', headerName: header('expectedRevenue'), width: 170, type: 'rightAligned',
      valueFormatter: ({ value }) => formatMoney(value),
      edit: typed('expectedRevenue', parseVnd, (row) => formatMoney(row.expectedRevenue), moneyText),
    },
    {
      colId: 'expectedDate', field: 'expectedDate', headerName: header('expectedDate'), width: 130, valueFormatter: ({ value }) => formatDate(value),
      // Required by the API: an emptied cell is refused before it is sent.
      edit: typed('expectedDate', (text) => (text.trim() ? parseDay(text) : { error: 'gridEdit.required' }), (row) => formatDate(row.expectedDate), dayText),
    },
    {
      colId: 'startDate', field: 'startDate', headerName: header('startDate'), width: 130, valueFormatter: ({ value }) => formatDate(value),
      edit: typed('startDate', parseDay, (row) => formatDate(row.startDate), dayText),
    },
    { colId: 'lostReason', field: 'lostReason', headerName: header('lostReason'), width: 180 },
    { colId: 'createdAt', field: 'createdAt', headerName: header('createdAt'), width: 140, hide: true, valueFormatter: ({ value }) => formatDateTime(value) },
  ];
  const sortable: readonly string[] = opportunitySortFields;
  return columns.map((column) => ({ ...column, sortable: sortable.includes(column.colId) }));
}
