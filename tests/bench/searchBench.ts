import type { BenchRole } from './benchUsers';
import { listPath } from './httpClient';
import { blockSize, type ViewContext } from './pageViews';
import { Budget, summarize, type Summary } from './stats';

/**
 * Customers, dense to sparse in the seed's names: family name Nguyễn (~38% of people), company
 * forms, a two-letter piece of many words, a common given / middle name. Giao dịch (subject or
 * customer name): a subject's words, a person's name, a company's, a short piece.
 */
export const searchTerms = {
  customers: ['nguyen', 'cong ty', 'an', 'minh'],
  activities: ['bao gia', 'nguyen van', 'hai dang', 'tam'],
} as const;
export type SearchList = keyof typeof searchTerms;
export const searchTargetMs = { firstPage: 150, laterBlock: 100 };

export type SearchStep = { step: string; targetMs: number; summary: Summary };
export type SearchResult = { list: SearchList; role: BenchRole; term: string; total: number; steps: SearchStep[]; errors: string[] };

const repetitions = { cold: 5, warm: 10 };

/**
 * One search term as one user types it into a grid: the first page never seen by this server
 * process (its total may come as an estimate), then warm, then later blocks (offsets 100, 1,000,
 * 250,000 and the last block, those within the exact total), then each after a write bumped the
 * list version.
 */
export async function benchSearch(list: SearchList, role: BenchRole, term: string, context: ViewContext): Promise<SearchResult> {
  const client = context.clients[role];
  const errors: string[] = [];
  const fetchBlock = async (offset: number): Promise<{ ms: number; total: number; estimated: boolean }> => {
    const response = await client.request<{ total: number; totalEstimated?: boolean }>('GET', listPath(list, { search: term, offset, limit: blockSize }));
    if (response.status !== 200 && errors.length < 5) errors.push(`offset ${offset}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
    return { ms: response.ms, total: response.body.total ?? 0, estimated: Boolean(response.body.totalEstimated) };
  };
  const repeat = async (count: number, offset: number, before?: () => Promise<void>): Promise<Summary> => {
    const samples: number[] = [];
    for (const budget = new Budget(count, 20_000, context.deadline); budget.next();) {
      await before?.();
      samples.push((await fetchBlock(offset)).ms);
    }
    return summarize(samples);
  };

  const first = await fetchBlock(0);
  const steps: SearchStep[] = [{ step: `first page, new${first.estimated ? ' (≈ total)' : ''}`, targetMs: searchTargetMs.firstPage, summary: summarize([first.ms]) }];
  // The exact total, once counted (the grid asks again after an estimate).
  let exact = first;
  for (const budget = new Budget(50, 30_000, context.deadline); exact.estimated && budget.next();) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    exact = await fetchBlock(0);
  }
  steps.push({ step: 'first page, warm', targetMs: searchTargetMs.firstPage, summary: await repeat(repetitions.warm, 0) });
  const lastBlock = Math.floor((exact.total - 1) / blockSize) * blockSize;
  const offsets = [...new Set([100, 1000, 250_000].filter((offset) => offset < lastBlock).concat(lastBlock > 0 ? [lastBlock] : []))];
  for (const offset of offsets) {
    const name = offset === lastBlock ? `last block (${offset.toLocaleString('en')})` : `offset ${offset.toLocaleString('en')}`;
    steps.push({ step: name, targetMs: searchTargetMs.laterBlock, summary: await repeat(repetitions.warm, offset) });
  }
  // Last, so the rebuilds these writes start do not run under the warm steps.
  steps.push({ step: 'first page, after write', targetMs: searchTargetMs.firstPage, summary: await repeat(repetitions.cold, 0, context.invalidateListCaches) });
  return { list, role, term, total: exact.total, steps, errors };
}

const ms = (value: number) => (Number.isNaN(value) ? '-' : value.toFixed(value < 10 ? 1 : 0)).padStart(7);

export function printSearchTable(results: SearchResult[]): void {
  console.log(`\nText search, GET /api/customers|activities?search=…, limit 100, over HTTP (ms); target p95: first page < ${searchTargetMs.firstPage} ms, later blocks < ${searchTargetMs.laterBlock} ms`);
  console.log(`${'list'.padEnd(11)}${'role'.padEnd(7)}${'term'.padEnd(12)}${'total'.padStart(8)}  ${'step'.padEnd(26)}${'n'.padStart(4)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'max'.padStart(7)}  target`);
  for (const r of results) {
    r.steps.forEach(({ step, targetMs, summary }, index) => {
      const head = index === 0 ? `${r.list.padEnd(11)}${r.role.padEnd(7)}${`"${r.term}"`.padEnd(12)}${String(r.total).padStart(8)}` : ' '.repeat(38);
      const flag = summary.p95 >= targetMs ? '  ← over target' : '';
      console.log(`${head}  ${step.padEnd(26)}${String(summary.count).padStart(4)} ${ms(summary.p50)} ${ms(summary.p95)} ${ms(summary.max)}  < ${targetMs}${flag}`);
    });
    for (const error of r.errors) console.log(`    error: ${error}`);
  }
}
