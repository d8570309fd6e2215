import type { Knex } from 'knex';
import { opportunityStages } from '../../../shared/schemas/enums';
import type { LostReasonReportRow, PipelineQuery, PipelineRow, ReportRangeQuery } from '../../../shared/schemas/opportunities';
import type { Actor } from '../../access/actor';
import { visibleOpportunities } from '../opportunities/repository';
import { percentages } from './percentages';

/** Lost opportunities that carry no reason (older data) are counted under this name. */
export const noReasonName = 'Không rõ lý do';

/**
 * S5 Cơ hội thất bại: the visible opportunities lost on a calendar day (Asia/Ho_Chi_Minh) of
 * [from, to], by reason name, most frequent first; percents with one decimal add up to 100.
 */
export async function lostOpportunitiesReport(db: Knex, actor: Actor, range: ReportRangeQuery): Promise<LostReasonReportRow[]> {
  const rows: { reason: string | null; count: number }[] = await visibleOpportunities(db, actor)
    .leftJoin('lost_reasons as lr', 'lr.id', 'r.lost_reason_id')
    .where('r.stage', 'lost')
    .whereRaw('crm_vn_day(r.lost_at) BETWEEN ?::date AND ?::date', [range.from, range.to])
    .groupBy('lr.name')
    .select('lr.name as reason', db.raw('count(*)::int AS count'))
    .orderByRaw('count(*) DESC, lr.name ASC NULLS LAST');
  const shares = percentages(rows.map((row) => row.count));
  return rows.map((row, index) => ({ reason: row.reason ?? noReasonName, count: row.count, percent: shares[index] }));
}

/** Pipeline by stage: every stage in pipeline order with the count and sum of expected revenue of the visible opportunities expected in the range. */
export async function pipelineReport(db: Knex, actor: Actor, range: PipelineQuery): Promise<PipelineRow[]> {
  const rows: { stage: PipelineRow['stage']; count: number; revenue: number }[] = await visibleOpportunities(db, actor)
    .modify((q) => {
      if (range.from) q.where('r.expected_date', '>=', range.from);
      if (range.to) q.where('r.expected_date', '<=', range.to);
    })
    .groupBy('r.stage')
    .select('r.stage', db.raw('count(*)::int AS count'), db.raw('coalesce(sum(r.expected_revenue), 0) AS revenue'));
  const byStage = new Map(rows.map((row) => [row.stage, row]));
  return opportunityStages.map((stage) => ({ stage, count: byStage.get(stage)?.count ?? 0, expectedRevenue: Number(byStage.get(stage)?.revenue ?? 0) }));
}
