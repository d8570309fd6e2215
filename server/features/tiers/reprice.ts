import type { Knex } from 'knex';

const openDocuments = [{ table: 'quotes', column: 'quote_id' }, { table: 'orders', column: 'order_id' }] as const;

/**
 * "Cập nhật cho toàn bộ hàng hóa": the lines of open quotes and open orders of the tier's customers
 * get the tier's discount. One statement per document kind; answers how many lines changed.
 */
export async function repriceOpenLines(trx: Knex, tierId: number, discountPercent: number): Promise<number> {
  let changed = 0;
  for (const { table, column } of openDocuments) {
    const result = await trx.raw(`
      UPDATE document_lines l SET discount_percent = ?
        FROM ${table} d JOIN customer_tiers ct ON ct.customer_id = d.customer_id AND ct.tier_id = ?
       WHERE l.${column} = d.id AND d.status = 'open' AND d.deleted_at IS NULL AND l.discount_percent <> ?`,
    [discountPercent, tierId, discountPercent]);
    changed += result.rowCount ?? 0;
  }
  return changed;
}
