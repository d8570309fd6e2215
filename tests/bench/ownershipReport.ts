import type { OwnershipResult } from './ownershipBench';

const ms = (value: number) => (Number.isNaN(value) ? '-' : value.toFixed(0)).padStart(8);

/** Transfer, undo and share over HTTP against the same work in hand-written SQL (targets: under 10 s, within 2×). */
export function printOwnershipTable(results: OwnershipResult[]): void {
  console.log('\nOwnership bulk actions and mass update by filter over HTTP vs hand-written SQL in one transaction (ms); target < 10,000 ms and ≤ 2× SQL');
  console.log(`${'action'.padEnd(40)}${'customers'.padStart(10)}   ${'API n'.padStart(5)} ${'p50'.padStart(8)} ${'max'.padStart(8)}   ${'SQL n'.padStart(5)} ${'p50'.padStart(8)} ${'max'.padStart(8)}   API/SQL`);
  for (const r of results) {
    const flag = r.api.max >= 10_000 || r.apiOverBaseline > 2 ? '  ← over target' : '';
    console.log(`${r.name.padEnd(40)}${String(r.customers).padStart(10)}   ${String(r.api.count).padStart(5)} ${ms(r.api.p50)} ${ms(r.api.max)}   ${String(r.baseline.count).padStart(5)} ${ms(r.baseline.p50)} ${ms(r.baseline.max)}   ${r.apiOverBaseline.toFixed(2).padStart(7)}${flag}`);
    for (const error of r.errors) console.log(`    error: ${error}`);
  }
}
