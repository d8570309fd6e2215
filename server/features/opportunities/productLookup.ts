import type { Knex } from 'knex';
import type { OpportunityProductQuery, OpportunityProductRow } from '../../../shared/schemas/opportunities';
import type { Actor } from '../../access/actor';
import { containsUnaccented } from '../../db/likePattern';
import { applyOpportunityFilter } from './filters';
import { visibleOpportunities } from './repository';

const limit = 500;

type Row = {
  line_id: number; opportunity_id: number; number: string; name: string; stage: OpportunityProductRow['stage']; customer_id: number;
  customer_name: string; product_id: number; code: string; product_name: string; unit: string | null; quantity: number; price: number;
  start_date: string | null; expected_date: string;
};

/** S3 Tra cứu hàng hóa trong cơ hội: product lines of the opportunities the caller may see, newest opportunities first, at most 500. */
export async function lookupOpportunityProducts(db: Knex, actor: Actor, query: OpportunityProductQuery): Promise<OpportunityProductRow[]> {
  const rows: Row[] = await applyOpportunityFilter(visibleOpportunities(db, actor), { customer: query.customer })
    .join('opportunity_lines as l', 'l.opportunity_id', 'r.id')
    .join('products as p', 'p.id', 'l.product_id')
    .modify((q) => {
      const code = query.productCode?.trim();
      if (code) containsUnaccented(q, 'crm_search_text(p.code)', code);
      const name = query.productName?.trim();
      if (name) containsUnaccented(q, 'crm_search_text(p.name)', name);
      if (query.from) q.whereRaw('coalesce(r.start_date, r.expected_date) >= ?::date', [query.from]);
      if (query.to) q.where('r.expected_date', '<=', query.to);
    })
    .orderBy([{ column: 'r.id', order: 'desc' }, { column: 'l.id', order: 'asc' }])
    .limit(limit)
    .select('l.id as line_id', 'r.id as opportunity_id', 'r.number', 'r.name', 'r.stage', 'r.customer_id', 'c.name as customer_name',
      'p.id as product_id', 'p.code', 'p.name as product_name', 'p.unit', 'l.quantity', 'l.price', 'r.start_date', 'r.expected_date');
  return rows.map((row) => ({
    lineId: row.line_id, opportunityId: row.opportunity_id, opportunityNumber: row.number, opportunityName: row.name, stage: row.stage,
    customerId: row.customer_id, customerName: row.customer_name, productId: row.product_id, productCode: row.code, productName: row.product_name,
    unit: row.unit, quantity: Number(row.quantity), price: Number(row.price), amount: Math.round(Number(row.quantity) * Number(row.price) * 100) / 100,
    startDate: row.start_date, expectedDate: row.expected_date,
  }));
}
