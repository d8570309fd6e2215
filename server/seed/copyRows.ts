import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

const special = /[\\\t\n\r]/;

/** A value in COPY text format: `\N` for null, backslash escapes for the few special characters. */
export function copyValue(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') return String(value);
  return special.test(value) ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : value;
}

/** Joins lines into ~256 KB chunks so the stream moves big buffers, not millions of tiny ones. */
function* chunked(lines: Iterable<string>, chunkSize = 256 * 1024): Generator<string> {
  let chunk = '';
  for (const line of lines) {
    chunk += line;
    if (chunk.length >= chunkSize) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/**
 * Streams generated lines (tab-separated, newline-terminated) into `table` with COPY FROM STDIN.
 * Lines are produced lazily as Postgres consumes them, so memory stays flat at any row count.
 * FREEZE is allowed because the seed truncates the table in the same transaction.
 */
export async function copyRows(client: pg.ClientBase, table: string, columns: readonly string[], lines: Iterable<string>, freeze: boolean): Promise<number> {
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT text${freeze ? ', FREEZE' : ''})`));
  await pipeline(Readable.from(chunked(lines)), stream);
  return stream.rowCount;
}
