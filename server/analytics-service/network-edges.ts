/**
 * The whole tie list of a tenant's network, for drawing it: the undirected view the communities and ego networks
 * use (parallel ties in either direction merged with their weights summed, self-ties dropped), one entry per pair,
 * ordered by (source, target) store ids with source < target. Built once per data version from the cached
 * network, and paged by keyset: a page starts after a (source, target) pair, so a cursor names the same place
 * while the data is unchanged and still a sensible one after a write.
 */
import { prepareNetwork } from '../analytics/network';
import { tenantNetwork, type TenantNetwork } from './tenant-network';
import type { TenantSnapshot } from './tenant-snapshot';

export interface NetworkEdges {
  network: TenantNetwork;
  /** Node indexes (store-id order), `source[e] < target[e]`, sorted by (source, target). */
  source: Uint32Array;
  target: Uint32Array;
  /** Σ recency-weighted weights of the ties merged into the pair. */
  weight: Float64Array;
}

/** One tie as store ids. */
export interface NetworkEdge {
  source: number;
  target: number;
  weight: number;
}

/** A place in the order: the (source, target) store ids of an edge. */
export type EdgeKey = readonly [source: number, target: number];

export function tenantNetworkEdges(snapshot: TenantSnapshot): Promise<NetworkEdges> {
  return snapshot.get('network|edges', async () => networkEdges(await tenantNetwork(snapshot)));
}

export function networkEdges(network: TenantNetwork): NetworkEdges {
  const { offsets, neighbors, weights } = prepareNetwork(network.input).csr;
  const m = neighbors.length / 2;
  const source = new Uint32Array(m);
  const target = new Uint32Array(m);
  const weight = new Float64Array(m);
  let e = 0;
  for (let i = 0; i + 1 < offsets.length; i++) {
    for (let p = offsets[i]!; p < offsets[i + 1]!; p++) {
      if (neighbors[p]! <= i) continue;
      source[e] = i;
      target[e] = neighbors[p]!;
      weight[e++] = weights[p]!;
    }
  }
  return { network, source, target, weight };
}

/** How many edges sort before `key` (`orEqual`: before or at it) — where a page after or before it starts. */
export function edgeRank(edges: NetworkEdges, key: EdgeKey, orEqual = true): number {
  const ids = edges.network.customerIds;
  let lo = 0;
  let hi = edges.source.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const s = ids[edges.source[mid]!]!;
    const t = ids[edges.target[mid]!]!;
    if (s < key[0] || (s === key[0] && (t < key[1] || (orEqual && t === key[1])))) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A page in the Relay sense: up to `limit` edges strictly after `after` and strictly before `before`, from the
 * front, or from the back when `inverted` (then nearest `before` first).
 */
export function edgePage(
  edges: NetworkEdges,
  page: { after?: EdgeKey; before?: EdgeKey; limit: number; inverted: boolean },
): NetworkEdge[] {
  const start = page.after ? edgeRank(edges, page.after) : 0;
  const end = Math.max(start, page.before ? edgeRank(edges, page.before, false) : edges.source.length);
  const from = page.inverted ? Math.max(start, end - page.limit) : start;
  const to = page.inverted ? end : Math.min(end, start + page.limit);
  const ids = edges.network.customerIds;
  const out: NetworkEdge[] = [];
  for (let e = from; e < to; e++) out.push({ source: ids[edges.source[e]!]!, target: ids[edges.target[e]!]!, weight: edges.weight[e]! });
  return page.inverted ? out.reverse() : out;
}
