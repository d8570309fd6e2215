import type { App } from '../../appType';
import { errorResponses } from '../../../shared/schemas/common';
import { LostReasonReport, PipelineQuery, PipelineReport, ReportRangeQuery } from '../../../shared/schemas/opportunities';
import { badRequest } from '../../errors';
import { lostOpportunitiesReport, pipelineReport } from './service';

const tags = ['reports'];

function checkRange(range: { from?: string; to?: string }): void {
  if (range.from && range.to && range.from > range.to) throw badRequest('The period ends before it starts', 'to');
}

/** Dashboard reports (Báo cáo, S5): only what the caller may see, by the access rules in the SQL. */
export async function reportRoutes(app: App): Promise<void> {
  app.get('/api/reports/lost-opportunities', { schema: { tags, querystring: ReportRangeQuery, response: { 200: LostReasonReport, ...errorResponses } } }, async (request) => {
    checkRange(request.query);
    return lostOpportunitiesReport(app.db, request.actor, request.query);
  });

  app.get('/api/reports/pipeline', { schema: { tags, querystring: PipelineQuery, response: { 200: PipelineReport, ...errorResponses } } }, async (request) => {
    checkRange(request.query);
    return pipelineReport(app.db, request.actor, request.query);
  });
}
