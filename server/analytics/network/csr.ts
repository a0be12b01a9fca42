/**
 * Compressed sparse rows of the tie graph, built in O(n + m) with two counting sorts (rows come out sorted).
 * The undirected view merges parallel ties (either direction) by summing weights and drops self-loops — a tie to
 * oneself says nothing about groups, roles or ego networks. The directed view is PageRank's.
 */
import { at, type NetworkInput } from './input';

export interface Csr {
  readonly n: number;
  /** Neighbours of `i` are `neighbors[offsets[i] … offsets[i + 1])`, ascending. */
  readonly offsets: Uint32Array;
  readonly neighbors: Uint32Array;
  readonly weights: Float64Array;
  /** Weighted degree (strength) per node. */
  readonly strength: Float64Array;
  /** Σ strength = twice the total tie weight. */
  readonly total: number;
}

export function undirectedCsr(input: NetworkInput): Csr {
  const m = input.source.length;
  let half = 0;
  for (let e = 0; e < m; e++) if (input.source[e] !== input.target[e]) half += 2;
  const from = new Uint32Array(half);
  const to = new Uint32Array(half);
  const w = new Float64Array(half);
  for (let e = 0, k = 0; e < m; e++) {
    const s = input.source[e]!;
    const t = input.target[e]!;
    if (s === t) continue;
    const weight = at(input.weight, e, 1);
    from[k] = s; to[k] = t; w[k++] = weight;
    from[k] = t; to[k] = s; w[k++] = weight;
  }
  return fromArcs(input.nodes.length, from, to, w);
}

/**
 * Out-arcs of the directed view (PageRank): a directed tie is one arc, a mutual tie two; self-loops kept;
 * parallel arcs merged. `strength` is the out-strength.
 */
export function directedCsr(input: NetworkInput): Csr {
  const m = input.source.length;
  let arcs = 0;
  for (let e = 0; e < m; e++) arcs += at(input.directed, e, 0) === 0 && input.source[e] !== input.target[e] ? 2 : 1;
  const from = new Uint32Array(arcs);
  const to = new Uint32Array(arcs);
  const w = new Float64Array(arcs);
  for (let e = 0, k = 0; e < m; e++) {
    const s = input.source[e]!;
    const t = input.target[e]!;
    const weight = at(input.weight, e, 1);
    from[k] = s; to[k] = t; w[k++] = weight;
    if (at(input.directed, e, 0) === 0 && s !== t) { from[k] = t; to[k] = s; w[k++] = weight; }
  }
  return fromArcs(input.nodes.length, from, to, w);
}

function fromArcs(n: number, from: Uint32Array, to: Uint32Array, w: Float64Array): Csr {
  const half = from.length;
  // Counting sort by target, then a stable one by source: rows come out sorted by neighbour.
  const byTarget = countingOrder(to, n, identity(half));
  const order = countingOrder(from, n, byTarget);
  const offsets = new Uint32Array(n + 1);
  const neighbors = new Uint32Array(half);
  const weights = new Float64Array(half);
  const strength = new Float64Array(n);
  let k = 0;
  let row = 0;
  for (let p = 0; p < half; p++) {
    const h = order[p]!;
    const s = from[h]!;
    while (row <= s) offsets[row++] = k;
    if (k > offsets[s]! && neighbors[k - 1] === to[h]) weights[k - 1]! += w[h]!;
    else { neighbors[k] = to[h]!; weights[k++] = w[h]!; }
    strength[s]! += w[h]!;
  }
  while (row <= n) offsets[row++] = k;
  let total = 0;
  for (let i = 0; i < n; i++) total += strength[i]!;
  return { n, offsets, neighbors: neighbors.slice(0, k), weights: weights.slice(0, k), strength, total };
}

function identity(size: number): Uint32Array {
  const a = new Uint32Array(size);
  for (let i = 0; i < size; i++) a[i] = i;
  return a;
}

/** Stable counting sort of the positions in `order` by `keys[position]` (keys in 0…buckets-1). */
function countingOrder(keys: Uint32Array, buckets: number, order: Uint32Array): Uint32Array {
  const count = new Uint32Array(buckets + 1);
  for (let p = 0; p < order.length; p++) count[keys[order[p]!]! + 1]!++;
  for (let b = 0; b < buckets; b++) count[b + 1]! += count[b]!;
  const out = new Uint32Array(order.length);
  for (let p = 0; p < order.length; p++) out[count[keys[order[p]!]!]!++] = order[p]!;
  return out;
}
