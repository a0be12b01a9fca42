/**
 * The rows behind subscription events, loaded once per instance for all subscribers. Each subscriber has its own
 * context and dataloader, so 1,000 subscribers of a tenant would otherwise load the same interaction 1,000 times
 * (the SSE soak in bench/load.ts measured that: the reads starved the imports that caused them). Ids heard in the
 * same tick share one query; rows are kept briefly, long enough for every subscriber to take theirs.
 */
import type { Store } from '../server/store';
import { interactionsByIds, type InteractionRow } from '../server/store/queries/interactions';

const KEEP_MS = 10_000;

interface Shared {
  rows: Map<number, Promise<InteractionRow | undefined>>;
  batch?: { ids: number[]; rows: Promise<Map<number, InteractionRow>> };
}

/** Keyed by the tenant's scoped store (one object per tenant), so rows are read under that tenant's policies. */
const shared = new WeakMap<Store, Shared>();

/** The interaction, or undefined when it is gone (the caller falls back to its own loader and its error). */
export function sharedInteraction(store: Store, tenant: string, id: number): Promise<InteractionRow | undefined> {
  let s = shared.get(store);
  if (!s) shared.set(store, (s = { rows: new Map() }));
  const hit = s.rows.get(id);
  if (hit) return hit;
  const state = s;
  if (!state.batch) {
    const ids: number[] = [];
    const rows = new Promise((resolve) => setImmediate(resolve))
      .then(() => {
        state.batch = undefined;
        return interactionsByIds(store, tenant, ids);
      })
      .then((list) => new Map(list.map((r) => [Number(r.id), r])));
    state.batch = { ids, rows };
  }
  state.batch.ids.push(id);
  const row = state.batch.rows.then((m) => m.get(id));
  state.rows.set(id, row);
  setTimeout(() => state.rows.delete(id), KEEP_MS).unref();
  row.catch(() => state.rows.delete(id));
  return row;
}
