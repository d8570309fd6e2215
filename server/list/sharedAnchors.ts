import type { Knex } from 'knex';

export type KeyValues = (string | number | null)[];
/** A list's anchors (every 100th row's keys) and its last row's keys (null: an empty list). */
export type AnchorSet = { anchors: KeyValues[]; last: KeyValues | null };

/** Anchor sets not rebuilt for this long are dropped (filters and searches nobody uses any more). */
const keepForHours = 24;
/** One write in this many also drops the old ones. */
const pruneEvery = 200;
let writes = 0;

/** Written in the background: the page that asked does not wait, and a failed write only costs another build elsewhere. */
async function store(db: Knex, key: string, version: string, anchors: AnchorSet): Promise<void> {
  try {
    await db('list_anchor_sets').insert({ key, version, anchors: JSON.stringify(anchors), built_at: db.fn.now() })
      .onConflict('key').merge(['version', 'anchors', 'built_at']);
    if (++writes % pruneEvery === 0) await db('list_anchor_sets').whereRaw('built_at < now() - make_interval(hours => ?)', [keepForHours]).delete();
  } catch {
    // A cache: the next build stores it again.
  }
}

/** The anchors last stored for a list by any server process, and the version they were built at. */
export async function storedAnchors(db: Knex, key: string): Promise<{ version: string; anchors: AnchorSet } | undefined> {
  return db('list_anchor_sets').where({ key }).first('version', 'anchors');
}

/**
 * A list's anchors at `version` as another server process built them, or else built here and
 * stored for the others (migration 0030). Inside a caller's transaction they are only read: a
 * failed write must not abort the caller's work.
 */
export async function sharedAnchors(db: Knex, key: string, version: string, build: () => Promise<AnchorSet>): Promise<AnchorSet> {
  const stored: { anchors: AnchorSet } | undefined = await db('list_anchor_sets').where({ key, version }).first('anchors');
  if (stored) return stored.anchors;
  const anchors = await build();
  if (!db.isTransaction) void store(db, key, version, anchors);
  return anchors;
}
