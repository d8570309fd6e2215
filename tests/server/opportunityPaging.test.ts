import { beforeAll, describe, it } from 'vitest';
import { useCompanyApp } from '../support/companyApp';
import { expectPagesLikeOffset, type PlainList } from '../support/pagingOracle';

const t = useCompanyApp();

/*
 * The Cơ hội list on the list engine pages like a plain ORDER BY … OFFSET over the same rows, at
 * any offset, for every sort (empty values last either way), as admin and as a staff member
 * (the opportunities of their own customers).
 */
beforeAll(async () => {
  await t.db.raw(`
    INSERT INTO customers (name, owner_id)
    SELECT (ARRAY['Đặng','An','Ân','Nguyễn','Dương'])[1 + i % 5] || ' ' || (i % 29), CASE WHEN i % 3 = 0 THEN ?::bigint ELSE ?::bigint END
      FROM generate_series(1, 120) AS i`, [t.staffB.userId, t.staffA.userId]);
  await t.db.raw(`
    INSERT INTO opportunities (name, customer_id, owner_id, created_by, stage, status, probability, expected_revenue, expected_date, start_date, created_at, deleted_at)
    SELECT (ARRAY['Máy lọc','Đơn hàng','Ấn phẩm','bảo trì'])[1 + i % 4] || ' ' || (i % 13), c.id, (ARRAY[?::bigint, ?::bigint])[1 + i % 2], 1,
           (ARRAY['initial','interested','negotiation','pending_approval','won','lost'])[1 + i % 6],
           CASE WHEN i % 4 = 0 THEN NULL ELSE (ARRAY['Mới','Đang xử lý'])[1 + i % 2] END,
           CASE WHEN i % 5 = 0 THEN NULL ELSE (i % 10) * 10 END,
           CASE WHEN i % 7 = 0 THEN NULL ELSE (i % 9) * 1000000 END,
           date '2026-12-01' + (i % 45), CASE WHEN i % 3 = 0 THEN NULL ELSE date '2026-10-01' + (i % 20) END,
           timestamptz '2026-11-01 08:00+07' + (i % 300) * interval '1 minute', CASE WHEN i % 89 = 0 THEN now() END
      FROM generate_series(1, 2400) AS i
      JOIN LATERAL (SELECT id FROM customers ORDER BY id OFFSET (i % 120) LIMIT 1) AS c ON TRUE`, [t.staffA.userId, t.northManager.userId]);
});

const opportunities = (visible: string, orderBy: string): PlainList => ({
  from: `FROM opportunities r JOIN customers c ON c.id = r.customer_id JOIN users u ON u.id = r.owner_id
    WHERE r.deleted_at IS NULL AND c.deleted_at IS NULL AND ${visible}`,
  orderBy,
});

const stage = `array_position(ARRAY['initial','interested','negotiation','pending_approval','won','lost'], r.stage)`;
const sorts: [string, string][] = [
  ['', 'r.created_at DESC, r.id DESC'],
  ['number:asc', 'r.number ASC'],
  ['name:desc', 'r.name DESC, r.id DESC'],
  ['customerName:asc,expectedDate:asc', 'c.name ASC, r.expected_date ASC, r.id ASC'],
  ['ownerName:desc', 'u.full_name DESC, u.id DESC, r.id DESC'],
  ['stage:asc', `${stage} ASC, r.id ASC`],
  ['probability:desc', 'r.probability DESC NULLS LAST, r.id DESC'],
  ['expectedRevenue:asc,status:desc', 'r.expected_revenue ASC, r.status DESC NULLS LAST, r.id ASC'],
  ['startDate:desc', 'r.start_date DESC NULLS LAST, r.id DESC'],
  ['status:desc,probability:desc', 'r.status DESC NULLS LAST, r.probability DESC NULLS LAST, r.id DESC'],
];

describe('opportunity pages at any offset (list engine against plain OFFSET)', () => {
  it.each(sorts)('sort "%s", as admin and as staff', async (sort, orderBy) => {
    const path = `/api/opportunities${sort ? `?sort=${sort}` : ''}`;
    await expectPagesLikeOffset(t.db, t.admin, path, opportunities('TRUE', orderBy));
    await expectPagesLikeOffset(t.db, t.staffA, path, opportunities(`c.owner_id = ${t.staffA.userId}`, orderBy));
  });

  it('with the S2 search: Theo dõi and a name', async () => {
    await expectPagesLikeOffset(t.db, t.admin, '/api/opportunities?stage=following&sort=expectedDate:desc',
      opportunities(`r.stage IN ('interested', 'negotiation', 'pending_approval')`, 'r.expected_date DESC, r.id DESC'));
    await expectPagesLikeOffset(t.db, t.admin, `/api/opportunities?name=${encodeURIComponent('may loc')}&sort=probability:asc`,
      opportunities(`crm_search_text(r.name) LIKE '%may loc%'`, 'r.probability ASC, r.id ASC'));
  });
});
