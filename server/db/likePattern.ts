import type { Knex } from 'knex';

/** Escapes LIKE wildcards so user text matches literally (used with `ESCAPE '\\'`, the default). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** The words of a search box, each matched on its own (at most 8). */
export function searchWords(text: string | undefined): string[] {
  return (text ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 8);
}

/** Text matched after unaccent + lower-casing, so "nguyen van an" finds "Nguyễn Văn An". */
export function containsUnaccented(q: Knex.QueryBuilder, expression: string, text: string): void {
  q.whereRaw(`${expression} LIKE '%' || crm_search_text(?) || '%'`, [escapeLike(text)]);
}
