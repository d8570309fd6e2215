import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Knex } from 'knex';
import { activityColumns } from '../../shared/columns/activityColumns';
import type { Actor } from '../../server/access/actor';
import { numberFormats } from '../../server/export/cellValues';
import { openCursor } from '../../server/export/pgCursor';
import { exportSource } from '../../server/export/sources/index';

export type ExportBenchResult = {
  rows: number;
  columns: number;
  /** The cursor alone: DECLARE + FETCH 2000 of the export's query, rows discarded. */
  queryMs: number;
  /** Bare exceljs: the same query through the same cursor into WorkbookWriter, no application code. */
  bareMs: number;
  bareBytes: number;
  /** GET /api/activities/export over HTTP, the whole body read. */
  apiMs: number;
  apiBytes: number;
  /** Server process RSS growth during the API export (the client here only counts bytes). */
  apiRssGrowthMb: number;
  ratio: number;
};

const columns = 'date,customerName,type,subject,status,ownerName,description,createdAt';

/** A Writable that only counts (the bench measures writing, not the disk). */
function countingSink(): Writable & { bytes: number } {
  const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => { sink.bytes += chunk.length; done(); } }) as Writable & { bytes: number };
  sink.bytes = 0;
  return sink;
}

async function timeQuery(db: Knex, query: Knex.QueryBuilder): Promise<{ ms: number; rows: number }> {
  const started = performance.now();
  const cursor = await openCursor(db, query);
  let rows = 0;
  for (;;) {
    const batch = await cursor.fetch(2000);
    rows += batch.length;
    if (batch.length < 2000) break;
  }
  await cursor.close();
  return { ms: performance.now() - started, rows };
}

/**
 * What exceljs does with no application around it: the query's rows (dates made Dates, as any
 * writer must) into a WorkbookWriter with the same header, widths and column number formats.
 */
async function timeBareExceljs(db: Knex, query: Knex.QueryBuilder): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const sink = countingSink();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Giao dịch');
  sheet.columns = activityColumns.map((spec) => ({ header: spec.headerVi, key: spec.key, width: spec.width, style: numberFormats[spec.type] ? { numFmt: numberFormats[spec.type] } : {} }));
  const dates = activityColumns.map((spec) => spec.type === 'date' || spec.type === 'datetime');
  const cursor = await openCursor(db, query);
  for (;;) {
    const batch = await cursor.fetch(2000);
    for (const values of batch) {
      for (let index = 0; index < values.length; index += 1) if (dates[index] && typeof values[index] === 'string') values[index] = new Date(`${values[index]}Z`);
      sheet.addRow(values).commit();
    }
    if (batch.length < 2000) break;
  }
  await cursor.close();
  sheet.commit();
  await workbook.commit();
  return { ms: performance.now() - started, bytes: sink.bytes };
}

async function timeApi(baseUrl: string, token: string): Promise<{ ms: number; bytes: number; rssGrowthMb: number }> {
  globalThis.gc?.();
  const rssAtStart = process.memoryUsage().rss;
  let rssMax = rssAtStart;
  const sampler = setInterval(() => {
    rssMax = Math.max(rssMax, process.memoryUsage().rss);
  }, 100);
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}/api/activities/export?columns=${columns}`, { headers: { authorization: `Bearer ${token}` } });
    if (response.status !== 200 || !response.body) throw new Error(`export: ${response.status} ${await response.text()}`);
    let bytes = 0;
    for await (const chunk of response.body) bytes += (chunk as Uint8Array).length;
    return { ms: performance.now() - started, bytes, rssGrowthMb: Math.round((rssMax - rssAtStart) / 2 ** 20) };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * S6 at scale: every activity exported as admin (8 columns, newest first) through the API, against
 * bare exceljs writing the same rows from the same query, and the query alone (where the time goes).
 */
export async function benchExport(db: Knex, baseUrl: string, username: string, password: string): Promise<ExportBenchResult> {
  const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const { token, user } = (await login.json()) as { token: string; user: { id: number; username: string; fullName: string } };
  const actor: Actor = { id: user.id, username: user.username, fullName: user.fullName, role: 'admin', departmentId: null, departmentPath: null };
  const source = exportSource(db, actor, 'activities', { columns });
  const query = await timeQuery(db, source.rows);
  const bare = await timeBareExceljs(db, exportSource(db, actor, 'activities', { columns }).rows);
  const api = await timeApi(baseUrl, token);
  return {
    rows: query.rows, columns: activityColumns.length, queryMs: Math.round(query.ms), bareMs: Math.round(bare.ms), bareBytes: bare.bytes,
    apiMs: Math.round(api.ms), apiBytes: api.bytes, apiRssGrowthMb: api.rssGrowthMb, ratio: Math.round((api.ms / bare.ms) * 100) / 100,
  };
}

export function printExportTable(result: ExportBenchResult): void {
  const rate = (ms: number) => Math.round(result.rows / (ms / 1000)).toLocaleString('en');
  console.log(`\nActivities export (${result.rows.toLocaleString('en')} rows × ${result.columns} columns)`);
  console.log(`  query alone (cursor, FETCH 2000)  ${(result.queryMs / 1000).toFixed(1)} s  (${rate(result.queryMs)} rows/s)`);
  console.log(`  bare exceljs, same query          ${(result.bareMs / 1000).toFixed(1)} s  (${rate(result.bareMs)} rows/s, ${(result.bareBytes / 2 ** 20).toFixed(1)} MB)`);
  console.log(`  GET /api/activities/export        ${(result.apiMs / 1000).toFixed(1)} s  (${rate(result.apiMs)} rows/s, ${(result.apiBytes / 2 ** 20).toFixed(1)} MB), ${result.ratio}× bare, server RSS +${result.apiRssGrowthMb} MB`);
}
