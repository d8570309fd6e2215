import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { ExportList } from '../../shared/columns/exportLists';
import { errorResponses, IdParams, Ok } from '../../shared/schemas/common';
import type { CustomerFilter } from '../../shared/schemas/customers';
import {
  ActivityExportBody, ActivityExportQuery, CustomerExportQuery, CustomerExportRequest, DownloadQuery, ExportInfo, ExportTicket,
  ExportTicketBody, OpportunityExportQuery, type ExportRequest,
} from '../../shared/schemas/exports';
import type { Actor } from '../access/actor';
import type { App } from '../appType';
import { unauthorized, notFound } from '../errors';
import { hashToken } from '../features/auth/sessions';
import { issueTicket, redeemTicket } from '../features/auth/tickets';
import { createExport, findExport, recentExports, requestCancel, startPendingExport } from './exportRecords';
import { exportColumns, exportSource } from './sources/index';
import { streamExport } from './streamExport';

const tags = ['exports'];
/** Long enough to start a download on a slow LAN, short enough that a logged URL is worthless. */
const ticketSeconds = 60;
const xlsx = {
  200: { description: 'The .xlsx file, streamed. `X-Export-Id` names the export: poll GET /api/exports/:id for rowsWritten / total.', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) } } },
  ...errorResponses,
};

/** `?a=1&columns=x,y&sort=…` → the request form shared by every export. */
function fromQuery(query: Record<string, unknown>): ExportRequest {
  const { columns, sort, ...filter } = query as Record<string, unknown> & { columns?: string; sort?: string };
  return { filter, sort, columns };
}

/**
 * Excel exports (S4, S6, issue 14): the SPEC endpoints with the bearer token, and download tickets
 * (POST /api/exports/ticket, then GET /api/exports/download?ticket=) for a plain link or the desktop
 * shell's save dialog. Progress: poll GET /api/exports/:id (rowsWritten, total). Cancel: abort the
 * download, or POST /api/exports/:id/cancel (which any server process honours within 20,000 rows).
 */
export async function exportRoutes(app: App): Promise<void> {
  const run = async (actor: Actor, list: ExportList, request: ExportRequest, reply: FastifyReply, exportId?: number) => {
    const source = exportSource(app.db, actor, list, request);
    const id = exportId ?? await createExport(app.db, actor, list, request, source.columns.map((spec) => spec.key), 'running');
    await streamExport(app.db, actor, id, source, reply);
    return reply;
  };

  app.get('/api/activities/export', { schema: { tags, description: 'Activities matching the filters that the caller may see, as .xlsx.', querystring: ActivityExportQuery, response: xlsx } },
    async (request, reply) => run(request.actor, 'activities', fromQuery(request.query), reply));
  app.post('/api/activities/export', { schema: { tags, description: 'The activities with these ids (those the caller may see), as .xlsx.', body: ActivityExportBody, response: xlsx } },
    async (request, reply) => run(request.actor, 'activities', { ids: request.body.ids, columns: request.body.columns }, reply));
  app.get('/api/opportunities/export', { schema: { tags, description: 'Opportunities matching the search (S2) that the caller may see, as .xlsx.', querystring: OpportunityExportQuery, response: xlsx } },
    async (request, reply) => run(request.actor, 'opportunities', fromQuery(request.query), reply));
  app.get('/api/customers/export', { schema: { tags, description: 'Customers matching the list filters that the caller may read, as .xlsx.', querystring: CustomerExportQuery, response: xlsx } },
    async (request, reply) => run(request.actor, 'customers', fromQuery(request.query as CustomerFilter & Record<string, unknown>), reply));
  app.post('/api/customers/export', { schema: { tags, description: '`ids` (the selected rows) or `filter` (all matching), as .xlsx.', body: CustomerExportRequest, response: xlsx } },
    async (request, reply) => run(request.actor, 'customers', request.body, reply));

  app.post('/api/exports/ticket', { schema: { tags, description: `A single-use download ticket (valid ${ticketSeconds} s) for one export.`, body: ExportTicketBody, response: { 200: ExportTicket, ...errorResponses } } }, async (request) => {
    const { list, query } = request.body;
    // Refused now (unknown columns), not when the download starts.
    const columns = exportColumns(list, query).map((spec) => spec.key);
    const exportId = await createExport(app.db, request.actor, list, query, columns, 'pending');
    const { ticket, expiresAt } = await issueTicket(app.db, hashToken(request.bearerToken), 'export', ticketSeconds, exportId);
    return { ticket, url: `/api/exports/download?ticket=${ticket}`, exportId, expiresAt };
  });

  app.get('/api/exports/download', {
    config: { public: true },
    schema: { tags, description: 'Streams the export of a ticket (no bearer token: the ticket is the credential).', security: [], querystring: DownloadQuery, response: xlsx },
  }, async (request, reply) => {
    if (!request.query.ticket) throw unauthorized('A download ticket is required (POST /api/exports/ticket)');
    const redeemed = await redeemTicket(app.db, request.query.ticket, 'export');
    const pending = redeemed?.subjectId ? await startPendingExport(app.db, redeemed.actor, redeemed.subjectId) : undefined;
    if (!redeemed || !pending) throw unauthorized('The download ticket is unknown, used or expired');
    return run(redeemed.actor, pending.list, pending.request, reply, redeemed.subjectId ?? undefined);
  });

  app.get('/api/exports/recent', { schema: { tags, description: "The caller's last 20 exports (Xuất khẩu gần đây).", response: { 200: Type.Array(ExportInfo), ...errorResponses } } },
    async (request) => recentExports(app.db, request.actor));

  app.get('/api/exports/:id', { schema: { tags, description: 'One export of the caller: status, rowsWritten, total (the progress).', params: IdParams, response: { 200: ExportInfo, ...errorResponses } } }, async (request) => {
    const found = await findExport(app.db, request.actor, request.params.id);
    if (!found) throw notFound('Export');
    return found;
  });

  app.post('/api/exports/:id/cancel', { schema: { tags, description: 'Stops a running export of the caller (the download ends unfinished).', params: IdParams, response: { 200: Ok, ...errorResponses } } }, async (request) => {
    if (!(await requestCancel(app.db, request.actor, request.params.id)) && !(await findExport(app.db, request.actor, request.params.id))) throw notFound('Export');
    return { ok: true };
  });
}
