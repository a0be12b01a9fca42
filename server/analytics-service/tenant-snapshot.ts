import type { Queryable } from '../store';

/**
 * Everything computed for one tenant at one data version: the loaded activity, segment maps, RFM results, cohort
 * tables, and later the network analytics. Entries are promises keyed by a string the caller chooses, so concurrent
 * requests share one computation; a failed computation is forgotten so the next request retries it.
 */

export interface SnapshotOptions {
  /** Entries kept per snapshot; the least recently used go first (results for many `asOf`s pile up otherwise). @default 64 */
  maxEntries?: number;
}

export const SNAPSHOT_DEFAULTS: Required<SnapshotOptions> = { maxEntries: 64 };

export class TenantSnapshot {
  readonly #entries = new Map<string, Promise<unknown>>();
  readonly #maxEntries: number;

  constructor(
    /** Where loaders read from (the store the version was read from). */
    readonly db: Queryable,
    readonly tenant: string,
    /** The tenant_versions value read before anything here was loaded, so nothing here is older than it. */
    readonly version: number,
    options: SnapshotOptions = {},
  ) {
    this.#maxEntries = options.maxEntries ?? SNAPSHOT_DEFAULTS.maxEntries;
  }

  /** The entry under `key`, computed once per snapshot. */
  get<T>(key: string, compute: () => T | Promise<T>): Promise<T> {
    const entries = this.#entries;
    let entry = entries.get(key) as Promise<T> | undefined;
    if (entry) {
      // Map order is recency order: move the entry to the end.
      entries.delete(key);
      entries.set(key, entry);
      return entry;
    }
    entry = Promise.resolve().then(compute);
    entries.set(key, entry);
    entry.catch(() => {
      if (entries.get(key) === entry) entries.delete(key);
    });
    while (entries.size > this.#maxEntries) entries.delete(entries.keys().next().value!);
    return entry;
  }

  get size(): number {
    return this.#entries.size;
  }
}
