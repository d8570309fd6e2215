import type { LostReasonReportRow, PipelineQuery, PipelineRow, ReportRangeQuery } from '../../shared/schemas/opportunities';
import { http } from './http';

/** Dashboard reports (Báo cáo, S5), over what the caller may see. */
export const reportsApi = {
  lostOpportunities: (range: ReportRangeQuery) => http.get<LostReasonReportRow[]>('/api/reports/lost-opportunities', range),
  pipeline: (range: PipelineQuery) => http.get<PipelineRow[]>('/api/reports/pipeline', range),
};
