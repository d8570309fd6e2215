import type { BenchRole } from './benchUsers';
import { listPath, type CustomerQuery, type HttpClient, type ListName } from './httpClient';
import { Budget, summarize, type Summary } from './stats';

/** How the grid asks for blocks: the first block, jumps anywhere, the deep end, a scrollbar drag. */
export type Pattern = 'first' | 'random' | 'deep' | 'drag';

/** A grid view: a list (customers unless named), a role, its filter and sort, how it is scrolled. */
export type View = { name: string; role: BenchRole; list?: ListName; query: CustomerQuery; patterns: Pattern[] };

export type ViewResult = {
  name: string;
  role: BenchRole;
  query: CustomerQuery;
  total: number;
  /** The very first block of this view in this server process: the total is counted. */
  coldFirst: Summary;
  /** The first deep block of this view: the offset anchors are built. */
  coldDeep: Summary;
  /** A deep block right after a write invalidated the list caches (crm_list_version bumped). */
  afterWrite: Summary;
  warm: Partial<Record<Pattern, Summary>>;
  errors: string[];
  /** Blocks with the wrong length, or consecutive blocks that overlap. */
  anomalies: number;
};

export type ViewContext = {
  clients: Record<BenchRole, HttpClient>;
  /** Invalidates every cached total and anchor list (a write would do the same). */
  invalidateListCaches: () => Promise<void>;
  random: () => number;
  deadline: number;
};

export const blockSize = 100;
const afterWriteRepetitions = 3;

type Page = { rows: { id: number }[]; total: number };

/**
 * Runs one grid view: its first (cold) requests, requests right after a write, then warm
 * requests in each pattern; every loop is bounded by a count and a time budget.
 */
export async function runView(view: View, context: ViewContext): Promise<ViewResult> {
  const client = context.clients[view.role];
  const errors: string[] = [];
  let anomalies = 0;
  const fetchBlock = async (offset: number): Promise<{ ms: number; page: Page | undefined }> => {
    const response = await client.request<Page>('GET', listPath(view.list ?? 'customers', { ...view.query, offset, limit: blockSize }));
    if (response.status !== 200) {
      if (errors.length < 5) errors.push(`offset ${offset}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
      return { ms: response.ms, page: undefined };
    }
    const expected = Math.max(0, Math.min(blockSize, response.body.total - offset));
    if (response.body.rows.length !== expected) anomalies++;
    return { ms: response.ms, page: response.body };
  };

  // Views are distinct (user, filter, sort), so the first requests here find no cached total or anchors.
  const first = await fetchBlock(0);
  const total = first.page?.total ?? 0;
  const lastBlock = Math.max(0, Math.floor((total - 1) / blockSize) * blockSize);
  const deepOffsets = [...new Set([Math.floor((0.9 * total) / blockSize) * blockSize, lastBlock])];
  const randomOffset = () => Math.floor(context.random() * (lastBlock / blockSize + 1)) * blockSize;
  const coldDeep = await fetchBlock(deepOffsets[0]);

  const afterWrite: number[] = [];
  for (const budget = new Budget(afterWriteRepetitions, 30_000, context.deadline); budget.next();) {
    await context.invalidateListCaches();
    afterWrite.push((await fetchBlock(randomOffset())).ms);
  }

  const warm: ViewResult['warm'] = {};
  for (const pattern of view.patterns) {
    const samples: number[] = [];
    if (pattern === 'first') {
      for (const budget = new Budget(15, 15_000, context.deadline); budget.next();) samples.push((await fetchBlock(0)).ms);
    } else if (pattern === 'random') {
      for (const budget = new Budget(30, 20_000, context.deadline); budget.next();) samples.push((await fetchBlock(randomOffset())).ms);
    } else if (pattern === 'deep') {
      for (const budget = new Budget(10, 15_000, context.deadline); budget.next();) samples.push((await fetchBlock(deepOffsets[samples.length % deepOffsets.length])).ms);
    } else {
      // A scrollbar drag lands somewhere, then the grid fetches the following blocks in turn.
      for (const sequences = new Budget(4, 20_000, context.deadline); sequences.next();) {
        let offset = Math.min(randomOffset(), Math.max(0, lastBlock - 9 * blockSize));
        let previous = new Set<number>();
        for (const blocks = new Budget(10, 10_000, context.deadline); blocks.next() && offset <= lastBlock; offset += blockSize) {
          const { ms, page } = await fetchBlock(offset);
          samples.push(ms);
          const ids = new Set((page?.rows ?? []).map((row) => row.id));
          if ([...ids].some((id) => previous.has(id))) anomalies++;
          previous = ids;
        }
      }
    }
    warm[pattern] = summarize(samples);
  }
  return {
    name: view.name, role: view.role, query: view.query, total, coldFirst: summarize([first.ms]), coldDeep: summarize([coldDeep.ms]),
    afterWrite: summarize(afterWrite), warm, errors, anomalies,
  };
}
