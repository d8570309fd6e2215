import { describe, expect, it } from 'vitest';
import { useCompanyApp } from '../support/companyApp';
import { inRolledBackTransaction } from '../support/sideTables';

const t = useCompanyApp();

/**
 * A statement trigger's query over its transition tables has no parameters, so PL/pgSQL plans it
 * once per connection, for the row counts of that first call. A nested loop joining `old_rows` to
 * `new_rows`, right for one row, is quadratic for 20,000: every statement joining the two must be
 * planned per call (EXECUTE, migration 0023).
 */
describe('customers statement triggers on a connection that first changed one customer', () => {
  it('change 20,000 customers at once in seconds (owner, care status, pool, name, deletion; their contracts and activities)', async () => {
    await inRolledBackTransaction(t.db, async (trx) => {
      await trx.raw(`INSERT INTO customers (name, owner_id) SELECT 'Kế hoạch ' || i, ? FROM generate_series(1, 20000) AS i`, [t.staffA.userId]);
      const ids: number[] = (await trx('customers').where('name', 'like', 'Kế hoạch %').pluck('id'));
      const [one] = ids;
      const changes = [
        `owner_id = CASE WHEN owner_id = ${t.staffA.userId} THEN ${t.staffB.userId} ELSE ${t.staffA.userId} END`,
        `care_status = CASE WHEN care_status IS NULL THEN 'Đang chăm sóc' END`,
        `in_pool = NOT in_pool`,
        `name = name || '.'`,
        `deleted_at = CASE WHEN deleted_at IS NULL THEN now() END`,
      ];
      // Plans made for one row first, on this connection.
      for (const change of changes) await trx.raw(`UPDATE customers SET ${change} WHERE id = ?`, [one]);
      const started = performance.now();
      for (const change of changes) await trx.raw(`UPDATE customers SET ${change} WHERE id = ANY(?::bigint[])`, [ids]);
      const elapsed = performance.now() - started;
      // Quadratic joins took minutes here; planned per call, a few seconds at most.
      expect(elapsed).toBeLessThan(15_000);

      // Contracts (revenue) and activities (pool days) the same way.
      await trx.raw(`INSERT INTO contracts (customer_id, owner_id, date, value) SELECT id, ?, date '2026-11-02', 1000 FROM unnest(?::bigint[]) AS id`, [t.staffA.userId, ids]);
      await trx.raw(`INSERT INTO activities (customer_id, owner_id, type, subject, date, status) SELECT id, ?, 'call', 'Gọi', date '2026-11-02', 'done' FROM unnest(?::bigint[]) AS id`, [t.staffA.userId, ids]);
      for (const table of ['contracts', 'activities']) {
        await trx.raw(`UPDATE ${table} SET date = date + 1 WHERE customer_id = ?`, [one]);
        const again = performance.now();
        await trx.raw(`UPDATE ${table} SET date = date + 1 WHERE customer_id = ANY(?::bigint[])`, [ids]);
        expect(performance.now() - again, table).toBeLessThan(15_000);
      }
    });
  }, 120_000);
});
