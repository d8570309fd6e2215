import type { Knex } from 'knex';

type Entry = { version: string; expiresAt: number; value: Promise<unknown>; refreshing?: boolean; costMs?: number };

/**
 * Memoises list metadata (totals, offset anchors) per query signature, valid while the list's
 * version sequences are unchanged (statement triggers bump them on every write that can change
 * the list: `crm_list_version` for customers, migration 0027's per-table ones for the others). The
 * TTL bounds staleness from writes that bumped the version before they committed.
 */
export class ListCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly maxEntries = 500, private readonly ttlMs = 30_000) {}

  /** The version of a list built from these sequences (fixed names, never user input). */
  async version(db: Knex, sequences: readonly string[]): Promise<string> {
    const parts = sequences.map((sequence) => `(SELECT last_value::text || ':' || is_called::text FROM ${sequence})`);
    const result = await db.raw<{ rows: { v: string }[] }>(`SELECT concat_ws('|', ${parts.join(', ')}) AS v`);
    return result.rows[0].v;
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
    const entry: Entry = { version, expiresAt: now + this.ttlMs, value, costMs };
    this.entries.set(key, entry);
    const started = performance.now();
    value.then(() => { entry.costMs ??= performance.now() - started; }, () => this.entries.delete(key));
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}
