/**
 * One column of a list as the grid shows it and the export writes it. `key` is the API row field
 * and the grid's colId, so the grid's visible columns (in order) name an export's columns.
 * `width` is in Excel characters. `labels` names the i18n key prefix of an enum column's values
 * (`activityStatus` → `activityStatus.done`): the export writes the Vietnamese label, not the code.
 */
export type ColumnType = 'text' | 'date' | 'datetime' | 'money' | 'number' | 'percent';

export type ColumnSpec = {
  key: string;
  headerVi: string;
  headerEn: string;
  type: ColumnType;
  width: number;
  labels?: 'activityStatus' | 'activityType' | 'opportunityStage';
};
