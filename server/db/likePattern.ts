import type { Knex } from 'knex';

/** Escapes LIKE wildcards so user text matches literally (used with `ESCAPE '\\'`, the default). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** The words of a search box, each matched on its own (at most 8). */
export function searchWords(text: string | undefined): string[] {
  return (text ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 8);
}

/**
 * The share of a table's live rows whose `expression` holds every word, measured on a fixed 1%
 * of its pages (a few milliseconds at any size); null when that sample is too small to say.
 */
export async function sampledMatchShare(db: Knex, table: string, expression: string, words: string[]): Promise<number | null> {
  const matches = words.map(() => `${expression} LIKE '%' || crm_search_text(?) || '%'`).join(' AND ') || 'TRUE';
  const result = await db.raw(`SELECT count(*) AS n, count(*) FILTER (WHERE ${matches}) AS hits
    FROM ${table} TABLESAMPLE SYSTEM (1) REPEATABLE (7) WHERE deleted_at IS NULL`, words.map(escapeLike));
  const { n, hits } = result.rows[0];
  return Number(n) >= 500 ? Number(hits) / Number(n) : null;
}

/** Text matched after unaccent + lower-casing, so "nguyen van an" finds "Nguyễn Văn An". */
export function containsUnaccented(q: Knex.QueryBuilder, expression: string, text: string): void {
  q.whereRaw(`${expression} LIKE '%' || crm_search_text(?) || '%'`, [escapeLike(text)]);
}
