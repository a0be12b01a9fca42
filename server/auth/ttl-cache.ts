import type { Store } from '../store';

/**
 * A per-store cache of promises that live `ttlMs`: for credentials facts (a tenant's origins, whether a key is
 * revoked) asked on every request and changed rarely, possibly by another instance. A failed load is not kept.
 * One cache per store, so tests with several stores never see each other's entries.
 */
export function ttlCache<V>(ttlMs: number, maxEntries = 10_000) {
  const caches = new WeakMap<Store, Map<string, { at: number; value: Promise<V> }>>();
  const of = (store: Store) => caches.get(store) ?? caches.set(store, new Map()).get(store)!;
  return {
    get(store: Store, key: string, load: () => Promise<V>): Promise<V> {
      const cache = of(store);
      const hit = cache.get(key);
      if (hit && Date.now() - hit.at < ttlMs) return hit.value;
      const value = load();
      value.catch(() => cache.delete(key));
      cache.set(key, { at: Date.now(), value });
      if (cache.size > maxEntries) cache.clear();
      return value;
    },
    /** This instance sees its own change at once; others within `ttlMs`. */
    forget(store: Store, key: string): void {
      of(store).delete(key);
    },
  };
}
