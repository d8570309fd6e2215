import type { Knex } from 'knex';
import type { Customer } from '../../shared/schemas/customers';
import { benchPassword } from './benchUsers';
import { customersPath, HttpClient, type CustomerQuery, type TimedResponse } from './httpClient';
import { loadReaderCount, prepareLoadUsers, type LoadUser } from './loadUsers';
import { blockSize } from './pageViews';
import { searchTerms } from './searchBench';
import { percentile, seededRandom } from './stats';

export type LoadFigures = { count: number; perSecond: number; p50: number; p95: number; p99: number; max: number };
export type LoadResult = {
  name: string; seconds: number; readers: number; editors: number; reads: LoadFigures; readsByKind: Record<ReadKind, LoadFigures>;
  edits: LoadFigures | null;
  /** 409 answers to an edit (each retried after re-reading the customer). */
  conflicts: number;
  /** Edits whose last written value the database does not hold at the end. */
  lostEdits: number;
  errorCount: number; errors: string[];
};

export const loadTarget = { readP95Ms: 300, readsPerSecond: 200 };
const otherSorts = ['name:desc', 'createdAt:desc', 'revenue:desc', 'ownerName:asc', 'updatedAt:desc'];
/** A person opens the customer, types for a second, saves: the version they send is that old. */
const editThinkMs = 1000;
/** Customers each editor pair works on: few, so the two editors' saves do collide. */
const hotSetSize = 5;
const maxAttempts = 10;

const readKinds = ['first page', 'deep block', 'other sort', 'search'] as const;
type ReadKind = (typeof readKinds)[number];
type ReadSamples = Record<ReadKind, number[]>;
type Page = { rows: { id: number }[]; total: number };
type Run = { until: number; errors: string[]; errorCount: number };

function failed(run: Run, what: string, response: TimedResponse<unknown>): void {
  run.errorCount++;
  if (run.errors.length < 10) run.errors.push(`${what}: ${response.status} ${JSON.stringify(response.body).slice(0, 160)}`);
}

function figures(samples: number[], seconds: number): LoadFigures {
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    count: samples.length, perSecond: round(samples.length / seconds), p50: round(percentile(samples, 50)),
    p95: round(percentile(samples, 95)), p99: round(percentile(samples, 99)), max: round(Math.max(...samples)),
  };
}

/** One reader's closed loop over its grid: the first page, a deep block, another sort, a search, at random. */
async function readLoop(client: HttpClient, random: () => number, run: Run, samples: ReadSamples): Promise<void> {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  let total = 0;
  const block = (from: number) => Math.floor((from + random() * (total - from)) / blockSize) * blockSize;
  while (performance.now() < run.until) {
    const action = total === 0 ? 0 : Math.floor(random() * 4);
    const query: CustomerQuery = [
      { offset: 0 },
      { offset: block(0.9 * total) },
      { sort: pick(otherSorts), offset: random() < 0.5 ? 0 : block(0) },
      { search: pick(searchTerms.customers), offset: 0 },
    ][action];
    const response = await client.request<Page>('GET', customersPath({ ...query, limit: blockSize }));
    samples[readKinds[action]].push(response.ms);
    if (response.status !== 200) failed(run, `GET offset ${query.offset}`, response);
    else if (action === 0) total = response.body.total;
  }
}

type Written = Map<number, string>;

/** One editor's loop: read a customer, think, PATCH with that version; a 409 re-reads and saves again. */
async function editLoop(client: HttpClient, field: 'address' | 'phone', hotSet: number[], random: () => number, run: Run,
  samples: number[], written: Written): Promise<number> {
  let conflicts = 0;
  for (let n = 1; performance.now() < run.until; n++) {
    const id = hotSet[Math.floor(random() * hotSet.length)];
    // Unique per save, and a valid phone number too.
    const value = `0${client.userId} ${n}`;
    let read = await client.request<Customer>('GET', `/api/customers/${id}`);
    await new Promise((resolve) => setTimeout(resolve, editThinkMs));
    for (let attempt = 1; ; attempt++) {
      if (read.status !== 200) {
        failed(run, `GET ${id}`, read);
        break;
      }
      const saved = await client.request<Customer>('PATCH', `/api/customers/${id}`, { version: read.body.version, [field]: value });
      samples.push(saved.ms);
      if (saved.status === 200) written.set(id, value);
      else if (saved.status === 409) conflicts++;
      if (saved.status !== 409 || attempt === maxAttempts) {
        if (saved.status !== 200) failed(run, `PATCH ${id} (attempt ${attempt})`, saved);
        break;
      }
      read = await client.request<Customer>('GET', `/api/customers/${id}`);
    }
  }
  return conflicts;
}

/** Puts the edited fields back as they were before the run. */
async function restoreFields(db: Knex, before: { id: number; address: string | null; phone: string | null }[]): Promise<void> {
  if (!before.length) return;
  await db.raw(`UPDATE customers c SET address = b.address, phone = b.phone, version = c.version + 1, updated_at = now()
    FROM jsonb_to_recordset(?::jsonb) AS b(id bigint, address text, phone text) WHERE c.id = b.id`, [JSON.stringify(before)]);
}

/**
 * 40 readers and (with `withEditors`) 8 editors, all signed in, in a closed loop for `seconds`.
 * Editor pairs (a staff member, the manager of their team) edit the staff member's first five
 * customers, one field each, so versions collide; at the end the database must hold each
 * editor's last saved value, and the edited fields are put back as they were.
 */
async function benchLoad(db: Knex, clients: HttpClient[], users: LoadUser[], seconds: number, withEditors: boolean): Promise<LoadResult> {
  const readers = clients.slice(0, loadReaderCount);
  const editors = withEditors ? clients.slice(loadReaderCount) : [];
  const fieldOf = (index: number) => (index % 2 ? { api: 'phone', column: 'phone' } as const : { api: 'address', column: 'address' } as const);
  const hotSets = await Promise.all(editors.map(async (_, index) => {
    const owner = users[loadReaderCount + index - (index % 2)].id;
    return (await db('customers').where({ owner_id: owner }).whereNull('deleted_at').orderBy('id').limit(hotSetSize).pluck('id')).map(Number);
  }));
  const before = await db('customers').whereIn('id', [...new Set(hotSets.flat())]).select('id', 'address', 'phone');

  const run: Run = { until: performance.now() + seconds * 1000, errors: [], errorCount: 0 };
  const reads = Object.fromEntries(readKinds.map((kind) => [kind, []])) as unknown as ReadSamples;
  const edits: number[] = [];
  const written = editors.map((): Written => new Map());
  const started = performance.now();
  const [readSeconds, conflictCounts] = await Promise.all([
    Promise.all(readers.map((client, index) => readLoop(client, seededRandom(1000 + index), run, reads))).then(() => (performance.now() - started) / 1000),
    Promise.all(editors.map((client, index) => editLoop(client, fieldOf(index).api, hotSets[index], seededRandom(2000 + index), run, edits, written[index]))),
  ]);
  const editSeconds = (performance.now() - started) / 1000;

  let lostEdits = 0;
  for (const [index, values] of written.entries()) {
    const { column } = fieldOf(index);
    const held = new Map((await db('customers').whereIn('id', [...values.keys()]).select('id', column)).map((row) => [Number(row.id), row[column]]));
    for (const [id, value] of values) if (held.get(id) !== value) lostEdits++;
  }
  await restoreFields(db, before);
  return {
    name: withEditors ? `${readers.length} readers + ${editors.length} editors` : `${readers.length} readers, no editors`,
    seconds: Math.round(readSeconds), readers: readers.length, editors: editors.length, reads: figures(Object.values(reads).flat(), readSeconds),
    readsByKind: Object.fromEntries(readKinds.map((kind) => [kind, figures(reads[kind], readSeconds)])) as Record<ReadKind, LoadFigures>,
    edits: editors.length ? figures(edits, editSeconds) : null, conflicts: conflictCounts.reduce((sum, n) => sum + n, 0),
    lostEdits, errorCount: run.errorCount, errors: run.errors,
  };
}

/**
 * The load case: the 48 users signed in once, 40 readers alone (also a warm-up), then with the 8
 * editors; users take the servers in turn.
 */
export async function benchLoadCase(db: Knex, baseUrls: string[], adminId: number, seconds: number): Promise<LoadResult[]> {
  const users = await prepareLoadUsers(db, adminId);
  const clients: HttpClient[] = [];
  for (const [index, user] of users.entries()) clients.push(await HttpClient.signIn(baseUrls[index % baseUrls.length], user.username, benchPassword));
  return [await benchLoad(db, clients, users, seconds, false), await benchLoad(db, clients, users, seconds, true)];
}

const ms = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '-' : value.toFixed(0)).padStart(6);

export function printLoadTable(results: LoadResult[]): void {
  console.log(`\nLoad: signed-in users in a closed loop over HTTP (ms); target read p95 < ${loadTarget.readP95Ms} ms at about ${loadTarget.readsPerSecond} reads/s`);
  console.log(`editors: read a customer, wait ${editThinkMs} ms, PATCH with that version (edit figures: the PATCH); a 409 re-reads and saves again`);
  console.log(`${'run'.padEnd(28)}${'s'.padStart(4)} ${'reads/s'.padStart(8)} ${'p50'.padStart(6)} ${'p95'.padStart(6)} ${'p99'.padStart(6)} ${'max'.padStart(6)}  ${'edits/s'.padStart(7)} ${'p95'.padStart(6)}  conflicts  lost  errors`);
  for (const r of results) {
    const flags = [r.reads.p95 >= loadTarget.readP95Ms ? 'read p95 over target' : '', r.lostEdits ? 'edits lost' : '', r.errorCount ? 'errors' : ''].filter(Boolean);
    console.log(`${r.name.padEnd(28)}${String(r.seconds).padStart(4)} ${r.reads.perSecond.toFixed(1).padStart(8)} ${ms(r.reads.p50)} ${ms(r.reads.p95)} ${ms(r.reads.p99)} ${ms(r.reads.max)}  ${(r.edits?.perSecond.toFixed(1) ?? '-').padStart(7)} ${ms(r.edits?.p95)}  ${String(r.conflicts).padStart(9)} ${String(r.lostEdits).padStart(5)} ${String(r.errorCount).padStart(7)}${flags.length ? `  ← ${flags.join(', ')}` : ''}`);
    console.log(`    ${readKinds.map((kind) => `${kind} ${r.readsByKind[kind].perSecond}/s p95 ${r.readsByKind[kind].p95}`).join(' · ')}`);
    for (const error of r.errors) console.log(`    error: ${error}`);
  }
}
