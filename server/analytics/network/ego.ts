/**
 * Egocentric network (Fisher 2005; Wasserman & Faust 1994 ch. 5): a customer, the alters within `radius` (1 or 2)
 * hops on the undirected view, and the ties among all of them — how the customer's contacts talk to each other.
 * Capped at `limit` nodes for display, keeping the most relevant alters: first ring before second; within a ring
 * by the tie weight to the ego (ring 1) or to the first ring (ring 2), then by PageRank, then index.
 */
import { fail, type NetworkInput } from './input';
import { prepareNetwork } from './network';
import { pageRank as computePageRank } from './pagerank';

export interface EgoOptions {
  /** 1 or 2. @default 1 */
  radius?: number;
  /** Most nodes returned, ego included. @default 200 */
  limit?: number;
  /** PageRank per node for ranking; computed when missing. */
  pageRank?: ArrayLike<number>;
}

export const EGO_DEFAULTS = { radius: 1, limit: 200 } as const;

export interface EgoNode {
  readonly index: number;
  readonly id: string;
  /** 0 for the ego. */
  readonly distance: number;
  /** Tie weight to the ego (ring 1) or to the first ring (ring 2). */
  readonly tieWeight: number;
  readonly pageRank: number;
}

export interface EgoNetwork {
  /** Ego first, then alters in display order. */
  readonly nodes: readonly EgoNode[];
  /** Ties among the returned nodes (undirected, merged), as node indices. */
  readonly edges: readonly { source: number; target: number; weight: number }[];
  /** Alters within the radius before the cap. */
  readonly totalAlters: number;
  readonly truncated: boolean;
}

/** `ego`: node index or node id. */
export function egoNetwork(input: NetworkInput, ego: number | string, options: EgoOptions = {}): EgoNetwork {
  const o = { ...EGO_DEFAULTS, ...options };
  if (o.radius !== 1 && o.radius !== 2) fail(`ego: radius must be 1 or 2, got ${o.radius}`);
  if (!(o.limit >= 1)) fail(`ego: limit must be ≥ 1, got ${o.limit}`);
  const { csr } = prepareNetwork(input);
  const center = typeof ego === 'number' ? ego : input.nodes.indexOf(ego);
  if (!(center >= 0 && center < csr.n)) fail(`ego: unknown node ${String(ego)}`);
  const ranks = o.pageRank ?? computePageRank(input);

  const distance = new Map<number, number>([[center, 0]]);
  const tieWeight = new Map<number, number>();
  for (let p = csr.offsets[center]!; p < csr.offsets[center + 1]!; p++) {
    distance.set(csr.neighbors[p]!, 1);
    tieWeight.set(csr.neighbors[p]!, csr.weights[p]!);
  }
  if (o.radius === 2) {
    for (const [u, d] of [...distance]) {
      if (d !== 1) continue;
      for (let p = csr.offsets[u]!; p < csr.offsets[u + 1]!; p++) {
        const v = csr.neighbors[p]!;
        if (distance.get(v) === undefined) distance.set(v, 2);
        if (distance.get(v) === 2) tieWeight.set(v, (tieWeight.get(v) ?? 0) + csr.weights[p]!);
      }
    }
  }
  const alters = [...distance.keys()].filter((v) => v !== center);
  alters.sort(
    (a, b) =>
      distance.get(a)! - distance.get(b)! ||
      tieWeight.get(b)! - tieWeight.get(a)! ||
      ranks[b]! - ranks[a]! ||
      a - b,
  );
  const kept = [center, ...alters.slice(0, o.limit - 1)];
  const keptSet = new Set(kept);
  const edges: { source: number; target: number; weight: number }[] = [];
  for (const u of kept) {
    for (let p = csr.offsets[u]!; p < csr.offsets[u + 1]!; p++) {
      const v = csr.neighbors[p]!;
      if (v > u && keptSet.has(v)) edges.push({ source: u, target: v, weight: csr.weights[p]! });
    }
  }
  return {
    nodes: kept.map((v) => ({
      index: v,
      id: input.nodes[v]!,
      distance: distance.get(v)!,
      tieWeight: tieWeight.get(v) ?? 0,
      pageRank: ranks[v]!,
    })),
    edges,
    totalAlters: alters.length,
    truncated: alters.length > kept.length - 1,
  };
}
