import type { Knex } from 'knex';
import { prepared } from './prepared';

type Entry = { version: string; expiresAt: number; value: Promise<unknown>; resolved?: { value: unknown }; refreshing?: boolean; costMs?: number; weight: number };

/**
 * What versions a cached list: a sequence (its fixed name, never user input), or a counter read
 * by SQL as text (one owner's row of customer_detail_versions), named for the cache.
 */
export type VersionPart = string | { name: string; sql: string; bindings: readonly Knex.Value[] };
const partName = (part: VersionPart) => (typeof part === 'string' ? part : part.name);

export type ListCacheLimits = {
  maxEntries?: number;
  ttlMs?: number;
  /** With `weigh`: the most the values may weigh together (ids, anchor values), oldest evicted first. */
  maxWeight?: number;
  weigh?: (value: unknown) => number;
};

/**
 * Memoises list metadata (totals, offset anchors) per query signature, valid while the list's
 * version sequences are unchanged (statement triggers bump them on every write that can change
 * the list: `crm_list_version` for customers, migration 0027's per-table ones for the others). The
 * TTL bounds staleness from writes that bumped the version before they committed.
 */
export class ListCache {
  private readonly entries = new Map<string, Entry>();
  private weight = 0;
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly maxWeight: number;
  private readonly weigh: (value: unknown) => number;

  /**
   * Bounded by entries and, for big values, by their total weight: 40 users each sorting and
   * searching a few ways need hundreds of entries, and a count of 32 made them rebuild each
   * other's id lists hundreds of times a minute.
   */
  constructor({ maxEntries = 500, ttlMs = 30_000, maxWeight = Infinity, weigh = () => 0 }: ListCacheLimits = {}) {
    this.maxEntries = maxEntries;
    this.ttlMs = ttlMs;
    this.maxWeight = maxWeight;
    this.weigh = weigh;
  }

  /** The version of a list built from these sequences (fixed names, never user input). */
  async version(db: Knex, parts: readonly VersionPart[]): Promise<string> {
    return (await this.versions(db, [parts]))[0];
  }

  /** One version per set of parts, read in one statement. */
  async versions(db: Knex, sets: readonly (readonly VersionPart[])[]): Promise<string[]> {
    const parts = [...new Map(sets.flat().map((part) => [partName(part), part])).values()];
    const sql = parts.map((part) => (typeof part === 'string'
      ? db.raw(`(SELECT last_value::text || ':' || is_called::text FROM ${part})`)
      : db.raw(`coalesce((${part.sql}), '0')`, [...part.bindings])));
    const result = await prepared(db.raw<{ rows: { v: string }[] }>(`SELECT concat_ws('|', ${sql.map(() => '?').join(', ')}) AS v`, sql));
    const values = new Map(result.rows[0].v.split('|').map((value, index) => [partName(parts[index]), value]));
    return sets.map((set) => set.map((part) => values.get(partName(part))).join('|'));
  }

  /** Whether a value for `key` is held or being computed, of whatever version. */
  holds(key: string): boolean {
    return this.entries.has(key);
  }

  /** Holds a value computed elsewhere (by another server process) at the version it was computed at, unless one is held. */
  adopt<T>(key: string, version: string, value: T): void {
    if (!this.entries.has(key)) this.store(key, version, Promise.resolve(value));
  }

  /** The last value computed for `key`, of whatever version, or undefined (none, or still computing). */
  peek<T>(key: string): T | undefined {
    return this.entries.get(key)?.resolved?.value as T | undefined;
  }

  memo<T>(key: string, version: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.version === version && hit.expiresAt > Date.now()) return this.touch(key, hit) as Promise<T>;
    return this.store(key, version, compute());
  }

  /**
   * Like memo, but an outdated value that `usable` accepts is served at once while a fresh one is
   * computed in the background (stale-while-revalidate). A missing or unusable value makes the
   * caller wait for the fresh one. `usable` also sees how long the stale value took to compute.
   */
  async memoStale<T>(key: string, version: string, compute: () => Promise<T>, usable: (stale: T, costMs: number) => boolean): Promise<T> {
    const hit = this.entries.get(key);
    if (!hit) return this.store(key, version, compute());
    if (hit.version === version && hit.expiresAt > Date.now()) return (await this.touch(key, hit)) as T;
    const stale = (await hit.value) as T;
    if (!usable(stale, hit.costMs ?? 0)) return this.memo(key, version, compute);
    if (!hit.refreshing) {
      hit.refreshing = true;
      const started = performance.now();
      const fresh = compute();
      fresh.then(() => this.store(key, version, fresh, performance.now() - started), () => { hit.refreshing = false; });
    }
    this.touch(key, hit);
    return stale;
  }

  private touch(key: string, entry: Entry): Promise<unknown> {
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  private store<T>(key: string, version: string, value: Promise<T>, costMs?: number): Promise<T> {
    const now = Date.now();
    const entry: Entry = { version, expiresAt: now + this.ttlMs, value, costMs, weight: 0 };
    this.remove(key);
    this.entries.set(key, entry);
    const started = performance.now();
    value.then((resolved) => {
      entry.costMs ??= performance.now() - started;
      entry.resolved = { value: resolved };
      if (this.entries.get(key) !== entry) return;
      entry.weight = this.weigh(resolved);
      this.weight += entry.weight;
      this.evict();
    }, () => { if (this.entries.get(key) === entry) this.remove(key); });
    this.evict();
    return value;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.weight -= entry.weight;
    this.entries.delete(key);
  }

  /** Oldest first; the newest entry stays even when it alone weighs more than the bound. */
  private evict(): void {
    while (this.entries.size > this.maxEntries || (this.weight > this.maxWeight && this.entries.size > 1)) {
      this.remove(this.entries.keys().next().value as string);
    }
  }
}
