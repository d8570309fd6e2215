import type { Knex } from 'knex';
import { benchPassword } from './benchUsers';
import { HttpClient } from './httpClient';
import { startServerProcesses } from './serverProcesses';

export type CrossProcessResult = { role: 'admin' | 'manager'; sort: string; offset: number; firstProcessMs: number; secondProcessMs: number; secondNextMs: number };

const sorts = ['createdAt:desc', 'code:asc', 'revenue:desc'];
/** Time for the first process to build and store the anchors after its answer. */
const storeWaitMs = 3000;

/**
 * Cold views across server processes: two fresh processes on the database; the first asks for a
 * deep block of a sort neither has seen (it numbers the list and stores the anchors, migration
 * 0030), a write moves the list version on (a busy office does within seconds), then the second
 * asks for the same block and one further on: it serves the stored anchors, a write old.
 */
export async function benchCrossProcess(db: Knex, databaseUrl: string): Promise<CrossProcessResult[]> {
  // Nothing built before this run is used: no stored anchors (any version would do), a new list version.
  await db('list_anchor_sets').delete();
  await db.raw(`SELECT nextval('crm_list_version')`);
  const servers = await startServerProcesses(databaseUrl, 2);
  const results: CrossProcessResult[] = [];
  try {
    for (const role of ['admin', 'manager'] as const) {
      const [first, second] = await Promise.all(servers.baseUrls.map((url) => HttpClient.signIn(url, `bench.${role}`, benchPassword)));
      for (const sort of sorts) {
        const { total: visible } = (await first.request<{ total: number }>('GET', `/api/customers?sort=${sort}&limit=1`)).body;
        const offset = Math.floor((0.9 * visible) / 100) * 100;
        const path = (at: number) => `/api/customers?sort=${sort}&offset=${at}&limit=100`;
        const firstProcess = await first.request('GET', path(offset));
        await new Promise((resolve) => setTimeout(resolve, storeWaitMs));
        await db.raw(`SELECT nextval('crm_list_version')`);
        const secondProcess = await second.request('GET', path(offset));
        const secondNext = await second.request('GET', path(Math.max(0, offset - 5000)));
        results.push({ role, sort, offset, firstProcessMs: Math.round(firstProcess.ms), secondProcessMs: Math.round(secondProcess.ms), secondNextMs: Math.round(secondNext.ms) });
      }
    }
  } finally {
    await servers.stop();
  }
  return results;
}

export function printCrossProcessTable(results: CrossProcessResult[]): void {
  console.log('\nCold deep block across two server processes on one database (ms): the first builds the anchors, the second reads them after a write');
  console.log(`${'view'.padEnd(28)}${'offset'.padStart(9)} ${'1st proc'.padStart(9)} ${'2nd proc'.padStart(9)} ${'2nd next'.padStart(9)}`);
  for (const r of results) {
    console.log(`${`${r.role} ${r.sort}`.padEnd(28)}${String(r.offset).padStart(9)} ${String(r.firstProcessMs).padStart(9)} ${String(r.secondProcessMs).padStart(9)} ${String(r.secondNextMs).padStart(9)}`);
  }
}
