/**
 * Fast local moving of vertices between communities (Traag et al. 2019, "From Louvain to Leiden", Alg. A.2;
 * the queue-based variant of the Louvain move phase, Blondel et al. 2008). Each vertex visited moves to the
 * neighbouring community — or an empty one — with the largest modularity gain
 *   ΔQ ∝ k_{v,C} − γ k_v K_C / 2m ;
 * when it moves, its neighbours outside the new community are queued again. Runs to a local optimum.
 *
 * Works on any level of the aggregation: `csr.strength` carries the vertex strength including the weight inside
 * an aggregated vertex, which the adjacency (loop-free) leaves out.
 */
import type { Csr } from './csr';
import { randomOrder, type Rng } from './rng';

const EPSILON = 1e-12;

/** Moves vertices in place (`part[v]` = community of v, ids < csr.n); returns whether any vertex moved. */
export function moveNodes(csr: Csr, part: Int32Array, resolution: number, rng: Rng): boolean {
  const { n, offsets, neighbors, weights, strength, total } = csr;
  if (total === 0) return false;
  const scale = resolution / total;
  const K = new Float64Array(n);
  const count = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    K[part[v]!]! += strength[v]!;
    count[part[v]!]!++;
  }
  const empty: number[] = [];
  for (let c = n - 1; c >= 0; c--) if (count[c] === 0) empty.push(c);

  const queue = randomOrder(n, rng);
  const queued = new Uint8Array(n).fill(1);
  let head = 0;
  let size = n;
  const weightTo = new Float64Array(n);
  const touched = new Int32Array(n);
  let moved = false;

  while (size > 0) {
    const v = queue[head]!;
    head = head + 1 === n ? 0 : head + 1;
    size--;
    queued[v] = 0;

    const own = part[v]!;
    const kv = strength[v]!;
    let t = 0;
    for (let p = offsets[v]!; p < offsets[v + 1]!; p++) {
      const c = part[neighbors[p]!]!;
      if (weightTo[c] === 0) touched[t++] = c;
      weightTo[c]! += weights[p]!;
    }
    K[own]! -= kv;
    count[own]!--;
    let best = own;
    let bestGain = weightTo[own]! - scale * kv * K[own]!;
    for (let i = 0; i < t; i++) {
      const c = touched[i]!;
      const gain = weightTo[c]! - scale * kv * K[c]!;
      if (gain > bestGain + EPSILON) {
        best = c;
        bestGain = gain;
      }
    }
    if (bestGain < -EPSILON && count[own]! > 0) best = empty.pop()!;
    for (let i = 0; i < t; i++) weightTo[touched[i]!] = 0;
    K[best]! += kv;
    count[best]!++;
    if (best === own) continue;
    if (count[own] === 0) empty.push(own);
    part[v] = best;
    moved = true;
    for (let p = offsets[v]!; p < offsets[v + 1]!; p++) {
      const u = neighbors[p]!;
      if (queued[u] === 0 && part[u] !== best) {
        queued[u] = 1;
        queue[(head + size) % n] = u;
        size++;
      }
    }
  }
  return moved;
}
