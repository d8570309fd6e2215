import { Type, type Static, type TProperties } from 'typebox';
import { columnsPattern, exportLists } from '../columns/exportLists';
import { Id, IdList, Nullable, Strict } from './common';
import { CustomerFilter, CustomerSort } from './customers';
import { OpportunitySort, opportunityFilterFields } from './opportunities';
import { ActivitySort, HistoryListQuery } from './records';

/**
 * Excel exports (S4, S6, issue 14). Every export takes `columns`: the grid's visible columns in
 * order, a comma list of the list's column keys (shared/columns); unknown keys are 400 `columns`.
 * Without it the export has every column of the list. `ids` exports those rows (the grid's
 * selection; ids the caller may not see are left out), otherwise all rows matching the filter
 * (minus `excludeIds`: "select all matching" with rows unticked since). Bodies and their filters
 * refuse unknown fields (400 naming them): a misspelt filter key must not export every row.
 */
export const ExportColumns = Type.String({ maxLength: 2000, pattern: columnsPattern });

/** The filters of GET /api/activities (SPEC contract details), without sort and paging. */
const { sort: _sort, offset: _offset, limit: _limit, ...activityFilterFields } = HistoryListQuery.properties;
export const ActivityFilter = Strict(activityFilterFields);
export type ActivityFilter = Static<typeof ActivityFilter>;

const output = { columns: Type.Optional(ExportColumns) };

export const ActivityExportQuery = Strict({ ...activityFilterFields, sort: Type.Optional(ActivitySort), ...output });
export const ActivityExportBody = Strict({ ids: IdList, ...output });
export const OpportunityExportQuery = Strict({ ...opportunityFilterFields, sort: Type.Optional(OpportunitySort), ...output });
export const CustomerExportQuery = Strict({ ...CustomerFilter.properties, sort: Type.Optional(CustomerSort), ...output });

/** One request of any list: `ids` or `filter`, the order and the columns. POST /api/customers/export takes it as is. */
function exportRequest<F extends TProperties, S extends typeof CustomerSort | typeof ActivitySort | typeof OpportunitySort>(filter: F, sort: S) {
  return Strict({ ids: Type.Optional(IdList), filter: Type.Optional(Strict(filter)), excludeIds: Type.Optional(Type.Array(Id, { maxItems: 100000 })), sort: Type.Optional(sort), ...output });
}
export const CustomerExportRequest = exportRequest(CustomerFilter.properties, CustomerSort);
export const ActivityExportRequest = exportRequest(activityFilterFields, ActivitySort);
export const OpportunityExportRequest = exportRequest(opportunityFilterFields, OpportunitySort);
export type ExportRequest = { ids?: number[]; filter?: Record<string, unknown>; excludeIds?: number[]; sort?: string; columns?: string };

export const ExportList = Type.Enum(exportLists);

const ticketBodies = [
  Strict({ list: Type.Literal('customers'), query: CustomerExportRequest }),
  Strict({ list: Type.Literal('activities'), query: ActivityExportRequest }),
  Strict({ list: Type.Literal('opportunities'), query: OpportunityExportRequest }),
];
/**
 * Picked by `list` (the validator's discriminator), so a refusal names the field of that list's
 * body (`query.filter.x`), not the first alternative's `list`.
 */
export const ExportTicketBody = Type.Unsafe<Static<(typeof ticketBodies)[number]>>({
  type: 'object', required: ['list'], discriminator: { propertyName: 'list' }, oneOf: ticketBodies,
});
export type ExportTicketBody = Static<typeof ExportTicketBody>;

export const ExportTicket = Type.Object({
  ticket: Type.String(),
  /** GET it (no bearer token needed) within `expiresAt`, once. */
  url: Type.String(),
  /** Poll GET /api/exports/:id for progress; POST /api/exports/:id/cancel stops it. */
  exportId: Id,
  expiresAt: Type.String({ format: 'date-time' }),
});
export type ExportTicket = Static<typeof ExportTicket>;

/** Optional so that a request without its credential is 401 like any unsigned request, not a validation error. */
export const DownloadQuery = Type.Object({ ticket: Type.Optional(Type.String({ minLength: 10, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' })) });

export const exportStatuses = ['pending', 'running', 'done', 'cancelled', 'failed'] as const;

/** One export, as "Xuất khẩu gần đây" lists it and the progress poll reads it. */
export const ExportInfo = Type.Object({
  id: Id,
  list: ExportList,
  /** The filter (or `{ids: n}` for selected rows) and sort it ran with. */
  filter: Type.Record(Type.String(), Type.Unknown()),
  columns: Type.Array(Type.String()),
  status: Type.Enum(exportStatuses),
  /** Rows matching, once counted (null until then). */
  total: Nullable(Type.Integer()),
  rowsWritten: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  finishedAt: Nullable(Type.String({ format: 'date-time' })),
});
export type ExportInfo = Static<typeof ExportInfo>;
