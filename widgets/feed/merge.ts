import type { FeedItem } from './types.js';

/** Newest first: by `occurredAt`, then by id so equal instants keep one order everywhere. */
export function newestFirst(a: FeedItem, b: FeedItem): number {
  const ta = Date.parse(a.occurredAt);
  const tb = Date.parse(b.occurredAt);
  if (ta !== tb) return (Number.isNaN(tb) ? -Infinity : tb) - (Number.isNaN(ta) ? -Infinity : ta);
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * Merges `incoming` into a list already sorted newest first, by id: an id seen again replaces its item in place
 * (a reconnect refetch overlapping the stream never duplicates). Returns a new array, or `current` when unchanged.
 */
export function mergeItems(current: readonly FeedItem[], incoming: readonly FeedItem[]): FeedItem[] {
  if (!incoming.length) return current as FeedItem[];
  const byId = new Map<string, FeedItem>();
  for (const item of incoming) byId.set(item.id, item);
  const replaced = current.map((item) => {
    const fresh = byId.get(item.id);
    if (!fresh) return item;
    byId.delete(item.id);
    return fresh;
  });
  if (!byId.size) return replaced;
  // New items are few (live) or a page (refetch): sort them, then one linear merge.
  const added = [...byId.values()].sort(newestFirst);
  const out: FeedItem[] = new Array(replaced.length + added.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < replaced.length && j < added.length) out[k++] = newestFirst(added[j]!, replaced[i]!) <= 0 ? added[j++]! : replaced[i++]!;
  while (i < replaced.length) out[k++] = replaced[i++]!;
  while (j < added.length) out[k++] = added[j++]!;
  return out;
}

/** Sorts host-supplied items newest first and keeps the last of each id. */
export function normalizeItems(items: readonly FeedItem[]): FeedItem[] {
  return mergeItems([], items);
}
