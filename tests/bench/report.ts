import type { BulkResult } from './bulkGroupsBench';
import type { Pattern, ViewResult } from './pageViews';
import type { SqlBaseline } from './sqlBaselines';
import type { Summary } from './stats';

export const pageTargetMs = 100;
const patternNames: Record<Pattern, string> = { first: 'first page', random: 'random offsets', deep: 'deep offsets', drag: 'scrollbar drag' };

const ms = (value: number) => (Number.isNaN(value) ? '-' : value.toFixed(value < 10 ? 1 : 0)).padStart(7);
const summaryCells = (s: Summary) => `${String(s.count).padStart(4)} ${ms(s.p50)} ${ms(s.p95)} ${ms(s.max)}`;

/** One line per view and pattern; cold numbers on the view's first line. */
export function printPageTable(results: ViewResult[]): void {
  console.log(`\nGET /api/customers, limit 100, over HTTP (ms); target p95 < ${pageTargetMs} ms`);
  console.log('cold 1st / cold deep: first block and first deep block of a view never seen by this server process;');
  console.log('after write: p50 of deep blocks right after the list caches were invalidated (crm_list_version bumped)');
  console.log(`${'role'.padEnd(8)}${'view'.padEnd(30)}${'total'.padStart(9)} ${'cold 1st'.padStart(8)} ${'cold deep'.padStart(9)} ${'after write'.padStart(11)}  ${'pattern'.padEnd(15)}${'n'.padStart(4)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'max'.padStart(7)}`);
  for (const result of results) {
    const patterns = Object.entries(result.warm) as [Pattern, Summary][];
    patterns.forEach(([pattern, summary], index) => {
      const head = index === 0
        ? `${result.role.padEnd(8)}${result.name.padEnd(30)}${String(result.total).padStart(9)} ${ms(result.coldFirst.p50).padStart(8)} ${ms(result.coldDeep.p50).padStart(9)} ${ms(result.afterWrite.p50).padStart(11)}`
        : ' '.repeat(8 + 30 + 9 + 1 + 8 + 1 + 9 + 1 + 11);
      const flag = summary.p95 >= pageTargetMs ? '  ← over target' : '';
      console.log(`${head}  ${patternNames[pattern].padEnd(15)}${summaryCells(summary)}${flag}`);
    });
    for (const error of result.errors) console.log(`    error: ${error}`);
    if (result.anomalies) console.log(`    ${result.anomalies} anomalies (wrong block length or overlapping blocks)`);
  }
}

export function printBulkTable(results: BulkResult[]): void {
  console.log('\nPOST /api/customers/groups by filter vs hand-written SQL in one transaction (ms)');
  console.log(`${'mode'.padEnd(6)}${'customers'.padStart(10)}   ${'API n'.padStart(5)} ${'p50'.padStart(7)} ${'max'.padStart(7)}   ${'SQL n'.padStart(5)} ${'p50'.padStart(7)} ${'max'.padStart(7)}   API/SQL`);
  for (const r of results) {
    console.log(`${r.mode.padEnd(6)}${String(r.selected).padStart(10)}   ${String(r.api.count).padStart(5)} ${ms(r.api.p50)} ${ms(r.api.max)}   ${String(r.baseline.count).padStart(5)} ${ms(r.baseline.p50)} ${ms(r.baseline.max)}   ${r.apiOverBaseline.toFixed(2).padStart(7)}`);
    for (const error of r.errors) console.log(`    error: ${error}`);
  }
}

export function printSqlTable(results: SqlBaseline[]): void {
  console.log('\nHand-written page queries, straight to Postgres (ms)');
  for (const r of results) console.log(`${r.name.padEnd(36)}${summaryCells(r.result)}`);
}
