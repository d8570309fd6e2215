import { PassThrough, type Writable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import ExcelJS from 'exceljs';
import type { Knex } from 'knex';
import type { ColumnSpec } from '../../shared/columns/ColumnSpec';
import type { ExportList } from '../../shared/columns/exportLists';
import { exportFileName } from '../../shared/columns/exportFileName';
import type { Actor } from '../access/actor';
import { writeAudit } from '../features/audit/writeAudit';
import { cellConverter, numberFormats, type CellValue } from './cellValues';
import { finishExport, reportProgress, setTotal } from './exportRecords';
import { openCursor, type RowCursor } from './pgCursor';

/** What to export: rows selected in `columns` order (each aliased by its key), access rules already in the SQL. */
export type ExportSource = {
  list: ExportList;
  columns: ColumnSpec[];
  rows: Knex.QueryBuilder;
  /** Counts the same rows, for the progress (run beside the cursor). */
  count: Knex.QueryBuilder;
  /** Recorded in the audit row. */
  filter: Record<string, unknown>;
};

/** Rows per FETCH: big enough that round trips cost little, small enough to hold (2,000 × 8 columns). */
const fetchSize = 2000;
/** Rows written between yields, so one export never holds the event loop for long. */
const writeSlice = 500;
/** Progress is recorded (and a cancel request read) every this many rows. */
const progressEvery = 20_000;

const sheetNames: Record<ExportList, string> = { customers: 'Khách hàng', activities: 'Giao dịch', opportunities: 'Cơ hội' };

function untilWritable(stream: Writable): Promise<void> {
  if (!stream.writableNeedDrain || stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The workbook writer for `columns`: Vietnamese headers (bold), widths, number formats per column,
 * frozen header row, autofilter over the header. Rows are committed as they come (streaming writer).
 */
export function createExportWorkbook(out: Writable, list: ExportList, columns: ColumnSpec[]) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'CRM';
  const sheet = workbook.addWorksheet(sheetNames[list], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((spec) => ({ header: spec.headerVi, key: spec.key, width: spec.width }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, columns.length) } };
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  // One style object per formatted column: exceljs caches a style by object identity, so each cell
  // reuses it instead of building (and hashing) its own.
  const styles = columns.map((spec) => {
    const numFmt = numberFormats[spec.type];
    return numFmt ? { numFmt } : undefined;
  });
  const converters = columns.map(cellConverter);
  const addRow = (values: unknown[]) => {
    const cells: CellValue[] = new Array(values.length);
    for (let index = 0; index < values.length; index += 1) cells[index] = converters[index](values[index]);
    const row = sheet.addRow(cells);
    for (let index = 0; index < styles.length; index += 1) {
      const style = styles[index];
      if (style && cells[index] !== undefined) row.getCell(index + 1).style = style;
    }
    row.commit();
  };
  const finish = async () => {
    sheet.commit();
    await workbook.commit();
  };
  return { addRow, finish, zip: (workbook as unknown as { zip: NodeJS.EventEmitter }).zip };
}

type Outcome = { status: 'done' | 'cancelled' | 'failed'; rows: number; error?: string };

/**
 * Streams `source` as .xlsx to `reply` for export `exportId`. The cursor is opened (and its
 * first batch read) before the response starts, so a query that fails answers a JSON error.
 * Then rows go cursor → exceljs → response with back-pressure: a batch waits while the client
 * has not taken the last one. A client that goes away (or a cancel request) stops the cursor
 * (cancelling a FETCH in flight), releases its connection and marks the export cancelled.
 * Answers when the export has ended (for tests and the bench; routes return the reply at once).
 */
export async function streamExport(db: Knex, actor: Actor, exportId: number, source: ExportSource, reply: FastifyReply): Promise<{ finished: Promise<Outcome> }> {
  let cursor: RowCursor;
  let first: unknown[][];
  try {
    cursor = await openCursor(db, source.rows);
    first = await cursor.fetch(fetchSize);
  } catch (error) {
    await finishExport(db, exportId, 'failed', 0, String(error));
    throw error;
  }

  const out = new PassThrough({ highWaterMark: 1 << 20 });
  let stopped = false;
  let fetching = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    if (fetching) void cursor.cancel().catch(() => undefined);
  };
  // The response closing before its end is the client going away (aborted fetch, closed window).
  reply.raw.on('close', () => {
    if (!reply.raw.writableFinished) stop();
  });
  out.on('error', stop);

  void setTotalWhenCounted(db, exportId, source.count);
  const workbook = createExportWorkbook(out, source.list, source.columns);
  workbook.zip.on('error', stop);

  reply
    .header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('Content-Disposition', `attachment; filename="${exportFileName(source.list)}"`)
    .header('Cache-Control', 'no-store')
    .header('X-Export-Id', String(exportId))
    .send(out);

  const record = async (outcome: Outcome): Promise<Outcome> => {
    await finishExport(db, exportId, outcome.status, outcome.rows, outcome.error);
    await writeAudit(db, actor.id, 'export', source.list, [], { exportId, status: outcome.status, rows: outcome.rows, columns: source.columns.map((spec) => spec.key), filter: source.filter });
    return outcome;
  };
  const finished = (async (): Promise<Outcome> => {
    let rows = 0;
    let nextProgress = progressEvery;
    try {
      let batch = first;
      while (!stopped) {
        for (let start = 0; start < batch.length && !stopped; start += writeSlice) {
          const end = Math.min(batch.length, start + writeSlice);
          for (let index = start; index < end; index += 1) workbook.addRow(batch[index]);
          rows += end - start;
          await untilWritable(out);
          await nextTick();
        }
        if (stopped || batch.length < fetchSize) break;
        if (rows >= nextProgress) {
          nextProgress += progressEvery;
          if (await reportProgress(db, exportId, rows)) stop();
          if (stopped) break;
        }
        fetching = true;
        batch = await cursor.fetch(fetchSize);
        fetching = false;
      }
      await cursor.close();
      if (stopped) {
        out.destroy();
        return await record({ status: 'cancelled', rows });
      }
      // Recorded before the file's last bytes go out: a client holding the whole file finds the
      // export done in its recent exports (recorded after, a quick look still saw it running).
      const done = await record({ status: 'done', rows });
      await workbook.finish();
      return done;
    } catch (error) {
      await cursor.close();
      if (stopped) return record({ status: 'cancelled', rows });
      out.destroy(error instanceof Error ? error : new Error(String(error)));
      return record({ status: 'failed', rows, error: String(error) });
    }
  })().catch((error: unknown) => {
    reply.log.error({ err: error, exportId }, 'export bookkeeping failed');
    return { status: 'failed' as const, rows: 0, error: String(error) };
  });
  finished.catch(() => undefined);
  return { finished };
}

async function setTotalWhenCounted(db: Knex, exportId: number, count: Knex.QueryBuilder): Promise<void> {
  try {
    const [row] = await count;
    await setTotal(db, exportId, Number((row as { n: number | string }).n));
  } catch {
    // Progress without a total still shows rows written.
  }
}
