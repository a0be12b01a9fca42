/**
 * Aggregation step of Louvain / Leiden (Blondel et al. 2008): one vertex per cluster, tie weights between clusters
 * summed, the weight inside a cluster kept only in its strength (the adjacency stays loop-free).
 */
import type { Csr } from './csr';

/** `labels` must be compact (0…count-1). */
export function aggregate(csr: Csr, labels: Int32Array, count: number): Csr {
  const { n, offsets, neighbors, weights } = csr;
  const strength = new Float64Array(count);
  const start = new Uint32Array(count + 1);
  for (let v = 0; v < n; v++) {
    strength[labels[v]!]! += csr.strength[v]!;
    start[labels[v]! + 1]!++;
  }
  for (let c = 0; c < count; c++) start[c + 1]! += start[c]!;
  const members = new Uint32Array(n);
  const fill = start.slice(0, count);
  for (let v = 0; v < n; v++) members[fill[labels[v]!]!++] = v;

  const aggOffsets = new Uint32Array(count + 1);
  const aggNeighbors = new Uint32Array(neighbors.length);
  const aggWeights = new Float64Array(neighbors.length);
  let k = 0;
  const weightTo = new Float64Array(count);
  const touched = new Int32Array(count);
  for (let c = 0; c < count; c++) {
    let t = 0;
    for (let k = start[c]!; k < start[c + 1]!; k++) {
      const v = members[k]!;
      for (let p = offsets[v]!; p < offsets[v + 1]!; p++) {
        const d = labels[neighbors[p]!]!;
        if (d === c) continue;
        if (weightTo[d] === 0) touched[t++] = d;
        weightTo[d]! += weights[p]!;
      }
    }
    for (let j = 0; j < t; j++) {
      aggNeighbors[k] = touched[j]!;
      aggWeights[k++] = weightTo[touched[j]!]!;
      weightTo[touched[j]!] = 0;
    }
    aggOffsets[c + 1] = k;
  }
  return {
    n: count,
    offsets: aggOffsets,
    neighbors: aggNeighbors.subarray(0, k),
    weights: aggWeights.subarray(0, k),
    strength,
    total: csr.total,
  };
}
