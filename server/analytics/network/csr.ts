/**
 * Compressed sparse rows of the tie graph: a counting sort by source, then each row sorted in place (rows come
 * out sorted by neighbour, repeated neighbours merged).
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
  const arcs = from.length;
  // One counting sort by source, scattering targets and weights straight into their rows…
  const start = new Uint32Array(n + 1);
  for (let p = 0; p < arcs; p++) start[from[p]! + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const rowNeighbors = new Uint32Array(arcs);
  const rowWeights = new Float64Array(arcs);
  for (let p = 0; p < arcs; p++) {
    const at = fill[from[p]!]!++;
    rowNeighbors[at] = to[p]!;
    rowWeights[at] = w[p]!;
  }
  // …then each row sorted where it lies (cache-friendly) and its repeated neighbours merged.
  const offsets = new Uint32Array(n + 1);
  const neighbors = new Uint32Array(arcs);
  const weights = new Float64Array(arcs);
  const strength = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = k;
    const a = start[i]!;
    const b = start[i + 1]!;
    sortRow(rowNeighbors, rowWeights, a, b);
    for (let p = a; p < b; p++) {
      if (k > offsets[i]! && neighbors[k - 1] === rowNeighbors[p]) weights[k - 1]! += rowWeights[p]!;
      else {
        neighbors[k] = rowNeighbors[p]!;
        weights[k++] = rowWeights[p]!;
      }
      strength[i]! += rowWeights[p]!;
    }
  }
  offsets[n] = k;
  let total = 0;
  for (let i = 0; i < n; i++) total += strength[i]!;
  return { n, offsets, neighbors: neighbors.slice(0, k), weights: weights.slice(0, k), strength, total };
}

/** Sorts `keys[a…b)` ascending, carrying `values` along: insertion sort for short rows, an index sort for long. */
function sortRow(keys: Uint32Array, values: Float64Array, a: number, b: number): void {
  if (b - a <= 32) {
    for (let p = a + 1; p < b; p++) {
      const key = keys[p]!;
      const value = values[p]!;
      let q = p - 1;
      while (q >= a && keys[q]! > key) {
        keys[q + 1] = keys[q]!;
        values[q + 1] = values[q]!;
        q--;
      }
      keys[q + 1] = key;
      values[q + 1] = value;
    }
    return;
  }
  const order = Array.from({ length: b - a }, (_, i) => a + i).sort((x, y) => keys[x]! - keys[y]! || x - y);
  const sortedKeys = Uint32Array.from(order, (p) => keys[p]!);
  const sortedValues = Float64Array.from(order, (p) => values[p]!);
  keys.set(sortedKeys, a);
  values.set(sortedValues, a);
}
