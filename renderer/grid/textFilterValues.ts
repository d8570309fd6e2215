import type { FilterModel, TextFilterModel } from 'ag-grid-community';

function isTextFilter(model: unknown): model is TextFilterModel {
  return typeof model === 'object' && model !== null && 'filterType' in model && model.filterType === 'text';
}

/** The "contains" text of each column filter the server understands, keyed by column id (= API parameter). */
export function textFilterValues<Field extends string>(filterModel: FilterModel, fields: readonly Field[]): Partial<Record<Field, string>> {
  const values: Partial<Record<Field, string>> = {};
  for (const field of fields) {
    const model: unknown = filterModel[field];
    if (isTextFilter(model) && model.type === 'contains' && model.filter?.trim()) values[field] = model.filter.trim();
  }
  return values;
}
