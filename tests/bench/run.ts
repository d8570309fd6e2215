import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { openConfiguredDatabase } from '../../server/db/configuredDatabase';
import { benchPassword, prepareBenchUsers, type BenchRole } from './benchUsers';
import { benchBulkGroups, type BulkResult } from './bulkGroupsBench';
import { HttpClient } from './httpClient';
import { benchMassUpdate } from './massUpdateBench';
import { benchExport, printExportTable, type ExportBenchResult } from './exportBench';
import { benchLoadCase, printLoadTable, type LoadResult } from './loadBench';
import { startServerProcesses } from './serverProcesses';
import { benchCrossProcess, printCrossProcessTable, type CrossProcessResult } from './crossProcessBench';
import { benchShare, benchTransferAndUndo, type OwnershipResult } from './ownershipBench';
import { benchPool, printPoolTable, type PoolBenchResult } from './poolBench';
import { printOwnershipTable } from './ownershipReport';
import { runView, type View, type ViewResult } from './pageViews';
import { pageTargetMs, printBulkTable, printPageTable, printSqlTable } from './report';
import { benchSearch, printSearchTable, searchTerms, type SearchResult } from './searchBench';
import { runSqlBaselines } from './sqlBaselines';
import { benchTiers, printTiersTable } from './tiersBench';
import { seededRandom } from './stats';
import { discoverFilterValues, pageViews } from './views';

const usage = `Usage: npm run bench [-- --max-minutes M] [--skip-bulk] [--skip-ownership] [--skip-mass-update] [--skip-tiers] [--skip-pool] [--skip-export] [--skip-pages] [--skip-search] [--skip-load] [--skip-cross-process] [--load-seconds S] [--load-processes N] [--only NAME]

Benchmarks the customer list, bulk group changes, transfer (with undo), share, mass update, the common pool (run, dry run, days-left sort), text search and 48 users at once (--load-seconds, default 30; against --load-processes server processes of their own, default 1), a cold deep block in a second server process after a first built it, over HTTP against the configured database
(DATABASE_URL or CRM_DATA_DIR, as npm start; seed it first: npm run seed -- --customers 1000000).
Creates or reuses bench.admin / bench.manager / bench.staff and bench.load01 … bench.load48 (password ${benchPassword}); undoes
its bulk changes and transfers. Results: a table here and tests/bench/results/latest.json.`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'max-minutes': { type: 'string' }, 'skip-bulk': { type: 'boolean' }, 'skip-ownership': { type: 'boolean' }, 'skip-mass-update': { type: 'boolean' }, 'skip-tiers': { type: 'boolean' }, 'skip-pool': { type: 'boolean' }, 'skip-export': { type: 'boolean' }, 'skip-pages': { type: 'boolean' }, 'skip-search': { type: 'boolean' }, 'skip-load': { type: 'boolean' }, 'skip-cross-process': { type: 'boolean' }, 'load-seconds': { type: 'string' }, 'load-processes': { type: 'string' }, only: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(usage);
    return;
  }
  const maxMinutes = Number(values['max-minutes'] ?? 25);
  const deadline = performance.now() + maxMinutes * 60_000;
  const started = new Date();

  const database = await openConfiguredDatabase(loadConfig(), (line) => process.stdout.write(line));
  const { db } = database;
  const app = await buildApp({ db, logger: false });
  try {
    const [{ customers }] = (await db.raw<{ rows: { customers: number }[] }>('SELECT count(*)::int AS customers FROM customers WHERE deleted_at IS NULL')).rows;
    if (customers < 1000) throw new Error(`Only ${customers} customers: seed first (npm run seed -- --customers 1000000)`);
    const users = await prepareBenchUsers(db);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const clients = {} as Record<BenchRole, HttpClient>;
    for (const role of ['admin', 'manager', 'staff'] as const) clients[role] = await HttpClient.signIn(baseUrl, users[role].username, benchPassword);
    console.log(`${customers.toLocaleString('en')} customers; manager of "${users.managerDepartment}"${users.staffTookOverFrom ? `; bench.staff took over the customers of ${users.staffTookOverFrom}` : ''}; server ${baseUrl}`);

    const filterValues = await discoverFilterValues(db);
    const context = {
      clients, deadline, random: seededRandom(20261123),
      invalidateListCaches: async () => void (await db.raw(`SELECT nextval('crm_list_version')`)),
    };
    const views: View[] = values['skip-pages'] ? [] : pageViews(filterValues).filter((view) => !values.only || `${view.role} ${view.name}`.includes(values.only));
    const pages: ViewResult[] = [];
    for (const view of views) {
      if (performance.now() > deadline) break;
      const result = await runView(view, context);
      pages.push(result);
      const worst = Math.max(...Object.values(result.warm).map((s) => s.p95));
      console.log(`  ${view.role.padEnd(8)}${view.name.padEnd(30)} total ${String(result.total).padStart(8)}  cold ${result.coldFirst.p50} / ${result.coldDeep.p50} ms  after write ${result.afterWrite.p50} ms  warm worst p95 ${worst} ms`);
    }

    const sql = values.only || values['skip-pages'] ? [] : await runSqlBaselines(db, seededRandom(7), deadline);
    const search: SearchResult[] = [];
    if (!values['skip-search'] && !values.only) {
      for (const list of ['customers', 'activities'] as const) {
        for (const role of ['admin', 'manager', 'staff'] as const) {
          for (const term of searchTerms[list]) if (performance.now() < deadline) search.push(await benchSearch(list, role, term, context));
        }
      }
      console.log('  search: done');
    }
    const load: LoadResult[] = [];
    if (!values['skip-load'] && !values.only && performance.now() < deadline) {
      const servers = await startServerProcesses(database.url, Number(values['load-processes'] ?? 1));
      try {
        load.push(...await benchLoadCase(db, servers.baseUrls, users.admin.id, Number(values['load-seconds'] ?? 30)));
      } finally {
        await servers.stop();
      }
      console.log(`  load: done (${servers.baseUrls.length} server process${servers.baseUrls.length > 1 ? 'es' : ''})`);
    }

    const crossProcess: CrossProcessResult[] = [];
    if (!values['skip-cross-process'] && !values.only && performance.now() < deadline) {
      crossProcess.push(...await benchCrossProcess(db, database.url));
      console.log('  cold views across processes: done');
    }

    const bulk: BulkResult[] = [];
    if (!values['skip-bulk'] && !values.only) {
      for (const target of [10_000, 100_000]) {
        for (const mode of ['add', 'move'] as const) {
          if (performance.now() > deadline) break;
          bulk.push(await benchBulkGroups(db, clients.admin, filterValues.bulkGroupId, target, mode, deadline));
          console.log(`  bulk ${mode} ${target}: done`);
        }
      }
      // The runs above and their undo leave dead row versions; clean up so the next run starts equal.
      await db.raw('VACUUM (ANALYZE) customers, customer_group_members');
    }
    const ownership: OwnershipResult[] = [];
    if (!values['skip-ownership'] && !values.only) {
      if (performance.now() < deadline) ownership.push(...await benchTransferAndUndo(db, clients.admin, 100_000, deadline));
      if (performance.now() < deadline) ownership.push(await benchShare(db, clients.admin, 100_000, deadline));
      console.log('  transfer, undo, share: done');
      await db.raw('VACUUM (ANALYZE) customers, activities, record_shares, customer_shares, ownership_history, notifications');
    }
    if (!values['skip-mass-update'] && !values.only && performance.now() < deadline) {
      ownership.push(await benchMassUpdate(db, clients.admin, 100_000, deadline));
      console.log('  mass update: done');
      await db.raw('VACUUM (ANALYZE) customers, customer_keys');
    }
    const tiers: OwnershipResult[] = [];
    if (!values['skip-tiers'] && !values.only && performance.now() < deadline) {
      tiers.push(...await benchTiers(db, clients.admin, deadline));
      console.log('  tiers: done');
    }

    const pool: PoolBenchResult[] = [];
    if (!values['skip-pool'] && !values.only && performance.now() < deadline) {
      pool.push(...await benchPool(db, clients.admin, deadline));
      console.log('  pool: done');
      await db.raw('VACUUM (ANALYZE) customers, customer_owners, customer_pool_due, ownership_history, notifications');
    }

    // Last: the whole activities table as .xlsx (S6), against bare exceljs on the same query.
    let exportResult: ExportBenchResult | undefined;
    if (!values['skip-export'] && !values.only && performance.now() < deadline) {
      exportResult = await benchExport(db, baseUrl, users.admin.username, benchPassword);
      console.log('  export: done');
    }

    if (pages.length) printPageTable(pages);
    if (bulk.length) printBulkTable(bulk);
    if (ownership.length) printOwnershipTable(ownership);
    if (tiers.length) printTiersTable(tiers);
    if (pool.length) printPoolTable(pool);
    if (search.length) printSearchTable(search);
    if (load.length) printLoadTable(load);
    if (crossProcess.length) printCrossProcessTable(crossProcess);
    if (sql.length) printSqlTable(sql);
    if (exportResult) printExportTable(exportResult);
    const misses = pages.flatMap((page) => Object.entries(page.warm).filter(([, s]) => s.p95 >= pageTargetMs).map(([pattern, s]) => `${page.role} ${page.name} ${pattern}: p95 ${s.p95} ms`));
    const coldMisses = pages.filter((page) => Math.max(page.coldFirst.p50, page.coldDeep.p50, page.afterWrite.p50) >= pageTargetMs)
      .map((page) => `${page.role} ${page.name}: cold ${page.coldFirst.p50} / ${page.coldDeep.p50} ms, after write ${page.afterWrite.p50} ms`);
    console.log(`\nWarm page requests over ${pageTargetMs} ms at p95: ${misses.length ? `\n  ${misses.join('\n  ')}` : 'none'}`);
    console.log(`Cold or after-write requests over ${pageTargetMs} ms: ${coldMisses.length ? `\n  ${coldMisses.join('\n  ')}` : 'none'}`);

    const file = path.resolve('tests/bench/results/latest.json');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify({
      startedAt: started.toISOString(), durationS: Math.round((Date.now() - started.getTime()) / 1000),
      machine: { cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
      customers, users, filterValues, targetMs: pageTargetMs, pages, bulk, ownership, tiers, pool, export: exportResult, search, load, crossProcess, sql, misses, coldMisses,
    }, null, 2) + '\n');
    console.log(`\nWrote ${path.relative(process.cwd(), file)}`);
  } finally {
    await app.close();
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
