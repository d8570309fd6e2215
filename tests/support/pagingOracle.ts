import { expect } from 'vitest';
import type { Db } from '../../server/db/database';
import type { ApiClient } from './apiClient';

/** A list's rows as plain SQL sees them: `FROM … WHERE …` with its ORDER BY, paged by OFFSET. */
export type PlainList = { from: string; orderBy: string };

export async function plainPage(db: Db, list: PlainList, offset: number, limit: number): Promise<{ ids: number[]; total: number }> {
  const rows = (await db.raw(`SELECT r.id ${list.from} ORDER BY ${list.orderBy} OFFSET ? LIMIT ?`, [offset, limit])).rows;
  const [{ n }] = (await db.raw(`SELECT count(*)::int AS n ${list.from}`)).rows;
  return { ids: rows.map((row: { id: number }) => Number(row.id)), total: n };
}

/**
 * The list engine's pages of `path` (with its query, without offset/limit) equal plain OFFSET
 * pages of `list` at the edges of anchor intervals, deep and at the very end; totals too.
 */
export async function expectPagesLikeOffset(db: Db, client: ApiClient, path: string, list: PlainList): Promise<void> {
  const { total } = await plainPage(db, list, 0, 0);
  expect(total, `${path}: the fixture must reach past an anchor interval`).toBeGreaterThan(120);
  const separator = path.includes('?') ? '&' : '?';
  for (const offset of [0, 99, 100, 101, 999, 1234, total - 60, total - 1, total]) {
    const page = await client.call('GET', `${path}${separator}offset=${offset}&limit=60`);
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    expect(page.body.total, `${path} total`).toBe(total);
    expect(page.body.rows.map((row: { id: number }) => row.id), `${path} @${offset}`).toEqual((await plainPage(db, list, offset, 60)).ids);
  }
}

