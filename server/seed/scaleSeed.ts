import type { Knex } from 'knex';
import type pg from 'pg';
import { hashPassword } from '../features/auth/passwords';
import { activityColumns, activityLines } from './activityRows';
import { dropDefinitions, readDeferrableDefinitions, restoreDefinitions } from './bulkLoadWindow';
import { careStatusChoice } from './careStatusChoice';
import { scaleCompanyPlan } from './companyPlan';
import { contactColumns, contactLines } from './contactRows';
import { copyRows } from './copyRows';
import {
  customerColumns, customerLines, groupMemberColumns, groupMemberLines, historyColumns, ownershipHistoryLines,
} from './customerRows';
import { withRawConnection } from './rawConnection';
import {
  contractColumns, contractLines, opportunityColumns, opportunityLineColumns, opportunityLines, opportunityProductLines,
  paymentColumns, paymentLines, quoteColumns, quoteLineColumns, quoteLines, quoteProductLines,
} from './salesRows';
import { SeedCalendar } from './seedCalendar';
import { seedCompany } from './seedCompany';
import { createWorld, type SeedWorld } from './seedWorld';

export type ScaleSeedOptions = {
  customers: number;
  seed: number;
  /** Calendar day the data ends at (Vietnam), `YYYY-MM-DD`; customers span the 3 years before it. */
  asOf: string;
  password: string;
  log: (line: string) => void;
};

export type TableTiming = { table: string; rows: number; copyMs: number; indexMs: number; constraintMs: number; analyzeMs: number };
export type ScaleSeedResult = { tables: TableTiming[]; companyMs: number; totalMs: number; users: number };

type Load = { table: string; columns: readonly string[]; lines: (world: SeedWorld) => Iterable<string>; numberSequence?: string };

/** In dependency order: later generators read facts the earlier ones recorded. */
const loads: Load[] = [
  { table: 'customers', columns: customerColumns, lines: customerLines, numberSequence: 'customer_code_seq' },
  { table: 'customer_group_members', columns: groupMemberColumns, lines: groupMemberLines },
  { table: 'ownership_history', columns: historyColumns, lines: ownershipHistoryLines },
  { table: 'contacts', columns: contactColumns, lines: contactLines },
  { table: 'activities', columns: activityColumns, lines: activityLines },
  { table: 'opportunities', columns: opportunityColumns, lines: opportunityLines, numberSequence: 'opportunity_number_seq' },
  { table: 'opportunity_lines', columns: opportunityLineColumns, lines: opportunityProductLines },
  { table: 'quotes', columns: quoteColumns, lines: quoteLines, numberSequence: 'quote_number_seq' },
  { table: 'document_lines', columns: quoteLineColumns, lines: quoteProductLines },
  { table: 'contracts', columns: contractColumns, lines: contractLines, numberSequence: 'contract_number_seq' },
  { table: 'payments', columns: paymentColumns, lines: paymentLines, numberSequence: 'payment_number_seq' },
];
const historyDays = 3 * 365;

export class CustomersExistError extends Error {}

export async function customersExist(db: Knex): Promise<boolean> {
  return Boolean(await db('customers').first('id'));
}

async function setSequences(client: pg.ClientBase, load: Load, rows: number): Promise<void> {
  if (load.columns.includes('id')) {
    await client.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), (SELECT coalesce(max(id), 0) + 1 FROM ${load.table}), false)`, [load.table]);
  }
  if (load.numberSequence && rows > 0) {
    await client.query(`SELECT setval($1::regclass, greatest($2::bigint, (SELECT last_value FROM ${load.numberSequence})))`, [load.numberSequence, rows]);
  }
}

/**
 * Fills an empty database with a company and `customers` customers and their history, in one
 * transaction: secondary indexes and foreign keys are dropped, every table is streamed in with
 * COPY FREEZE, then indexes are rebuilt and foreign keys validated. A failure leaves nothing.
 */
export async function seedAtScale(db: Knex, options: ScaleSeedOptions): Promise<ScaleSeedResult> {
  const started = performance.now();
  if (await customersExist(db)) throw new CustomersExistError('The database already has customers');
  const passwordHash = await hashPassword(options.password);
  const company = await db.transaction((trx) => seedCompany(trx, scaleCompanyPlan, passwordHash, options.seed));
  const companyMs = performance.now() - started;
  options.log(`Company: ${company.departments.length} departments, ${company.users.length} users, ${company.products.length} products (${Math.round(companyMs)} ms)\n`);

  const world = createWorld(options.seed, new SeedCalendar(options.asOf, historyDays), company, options.customers, await careStatusChoice(db));
  const timings = new Map(loads.map((load) => [load.table, { table: load.table, rows: 0, copyMs: 0, indexMs: 0, constraintMs: 0, analyzeMs: 0 }]));
  const tables = loads.map((load) => load.table);

  await withRawConnection(db, async (client) => {
    await client.query(`SET maintenance_work_mem = '1GB'; SET work_mem = '256MB'; SET max_parallel_maintenance_workers = 2;
      SET statement_timeout = 0; SET lock_timeout = '10s'; SET synchronous_commit = off`);
    await client.query('BEGIN');
    try {
      await client.query(`LOCK TABLE ${tables.join(', ')} IN ACCESS EXCLUSIVE MODE`);
      if ((await client.query('SELECT 1 FROM customers LIMIT 1')).rowCount) throw new CustomersExistError('The database already has customers');
      const deferred = await readDeferrableDefinitions(client, tables);
      await dropDefinitions(client, deferred);
      // Empty already (checked above); truncating in this transaction is what allows COPY FREEZE.
      await client.query(`TRUNCATE ${tables.join(', ')}`);
      for (const load of loads) {
        const copyStarted = performance.now();
        const rows = await copyRows(client, load.table, load.columns, load.lines(world), true);
        const timing = timings.get(load.table)!;
        Object.assign(timing, { rows, copyMs: performance.now() - copyStarted });
        await setSequences(client, load, rows);
        options.log(`  ${load.table.padEnd(24)} ${String(rows).padStart(10)} rows  COPY ${(timing.copyMs / 1000).toFixed(1)} s\n`);
      }
      await restoreDefinitions(client, deferred, (item, ms) => {
        const timing = timings.get(item.table);
        if (timing && item.kind === 'index') timing.indexMs += ms;
        else if (timing) timing.constraintMs += ms;
        if (ms >= 1000) options.log(`  ${item.kind === 'index' ? 'index' : 'fkey '} ${item.name.padEnd(40)} ${(ms / 1000).toFixed(1)} s\n`);
      });
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    for (const table of tables) {
      const analyzeStarted = performance.now();
      // The contracts COPY rewrote every customer with contracts (the revenue trigger), undoing
      // COPY FREEZE there: vacuum it back to all-visible, or index-only scans (list anchors) read
      // the heap until autovacuum comes by.
      await client.query(table === 'customers' ? 'VACUUM (FREEZE, ANALYZE) customers' : `ANALYZE ${table}`);
      timings.get(table)!.analyzeMs = performance.now() - analyzeStarted;
    }
  });
  return { tables: [...timings.values()], companyMs, totalMs: performance.now() - started, users: company.users.length };
}
