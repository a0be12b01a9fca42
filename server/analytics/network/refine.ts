/**
 * Leiden refinement (Traag et al. 2019, Alg. A.2 `RefinePartition`, greedy: θ → 0). Inside each community every
 * vertex starts alone; vertices still alone and well connected to their community merge into the well-connected
 * sub-cluster of the same community with the best non-negative modularity gain. Aggregating on these sub-clusters
 * instead of on whole communities lets later levels move parts of a community elsewhere, and keeps every
 * community connected — Louvain's known defect (Traag et al., §2).
 *
 * Well connected (γ-connected): E(S, C∖S) ≥ γ ‖S‖ (‖C‖ − ‖S‖) / 2m, with ‖·‖ the summed strength.
 */
import type { Csr } from './csr';
import { randomOrder, type Rng } from './rng';

/** Returns sub-cluster labels (ids < csr.n) nested in `part`. */
export function refinePartition(csr: Csr, part: Int32Array, resolution: number, rng: Rng): Int32Array {
  const { n, offsets, neighbors, weights, strength, total } = csr;
  const scale = resolution / total;
  const K = new Float64Array(n);
  for (let v = 0; v < n; v++) K[part[v]!]! += strength[v]!;

  const refined = new Int32Array(n);
  const clusterK = new Float64Array(n);
  const clusterSize = new Int32Array(n);
  const external = new Float64Array(n); // weight from the sub-cluster to the rest of its community
  for (let v = 0; v < n; v++) {
    refined[v] = v;
    clusterK[v] = strength[v]!;
    clusterSize[v] = 1;
    let toCommunity = 0;
    for (let p = offsets[v]!; p < offsets[v + 1]!; p++) if (part[neighbors[p]!] === part[v]) toCommunity += weights[p]!;
    external[v] = toCommunity;
  }

  const weightTo = new Float64Array(n);
  const touched = new Int32Array(n);
  const order = randomOrder(n, rng);
  for (let i = 0; i < n; i++) {
    const v = order[i]!;
    const c = part[v]!;
    const kv = strength[v]!;
    if (clusterSize[refined[v]!] !== 1) continue;
    if (external[v]! < scale * kv * (K[c]! - kv)) continue;

    let t = 0;
    for (let p = offsets[v]!; p < offsets[v + 1]!; p++) {
      const u = neighbors[p]!;
      if (part[u] !== c) continue;
      const r = refined[u]!;
      if (r === v) continue;
      if (weightTo[r] === 0) touched[t++] = r;
      weightTo[r]! += weights[p]!;
    }
    let best = -1;
    let bestGain = 0;
    for (let j = 0; j < t; j++) {
      const r = touched[j]!;
      const wellConnected = external[r]! >= scale * clusterK[r]! * (K[c]! - clusterK[r]!);
      const gain = weightTo[r]! - scale * kv * clusterK[r]!;
      if (wellConnected && gain >= bestGain) {
        if (gain > bestGain || best === -1 || r < best) best = r;
        bestGain = gain;
      }
    }
    if (best !== -1) {
      const w = weightTo[best]!;
      refined[v] = best;
      clusterSize[best]!++;
      clusterSize[v] = 0;
      clusterK[best]! += kv;
      external[best] = external[best]! + external[v]! - 2 * w;
    }
    for (let j = 0; j < t; j++) weightTo[touched[j]!] = 0;
  }
  return refined;
}
