/**
 * Leiden iterations from a given partition (Traag et al. 2019, Alg. A.1 with an initial partition, as leidenalg's
 * `find_partition(initial_membership=…)`): local moving, refinement, aggregation on the refined sub-clusters with the
 * unrefined communities as the starting partition, until every community is one aggregated vertex. Used to polish
 * graphology's Louvain result: it revisits nodes after aggregation (which Louvain never does) and splits badly
 * connected communities. bench/network.ts reports the modularity with and without it.
 */
import { aggregate } from './aggregate';
import type { Csr } from './csr';
import { moveNodes } from './local-moving';
import { compactSmall as compact, modularity } from './partition';
import { refinePartition } from './refine';
import type { Rng } from './rng';

/**
 * Improves `membership` (community per node of `csr`) in place; returns its modularity. `quality`, when the
 * caller knows it, is the modularity of `membership` as given.
 */
export function leidenIterations(
  csr: Csr,
  membership: Int32Array,
  resolution: number,
  rng: Rng,
  iterations: number,
  quality = modularity(csr, membership, resolution),
): number {
  for (let it = 0; it < iterations; it++) {
    const candidate = membership.slice();
    leidenPass(csr, candidate, resolution, rng);
    const q = modularity(csr, candidate, resolution);
    if (q <= quality + 1e-12) break;
    membership.set(candidate);
    quality = q;
  }
  return quality;
}

function leidenPass(csr: Csr, membership: Int32Array, resolution: number, rng: Rng): void {
  compact(membership);
  let level = csr;
  let part = membership.slice();
  const vertexOf = new Int32Array(csr.n);
  for (let v = 0; v < csr.n; v++) vertexOf[v] = v;

  for (;;) {
    moveNodes(level, part, resolution, rng);
    const communities = compact(part);
    if (communities === level.n) break;
    let sub = refinePartition(level, part, resolution, rng);
    let count = compact(sub);
    if (count === level.n) {
      sub = part.slice(); // nothing merged inside communities: aggregate whole communities (plain Louvain step)
      count = communities;
    }
    const next = new Int32Array(count);
    for (let v = 0; v < level.n; v++) next[sub[v]!] = part[v]!;
    for (let i = 0; i < csr.n; i++) vertexOf[i] = sub[vertexOf[i]!]!;
    level = aggregate(level, sub, count);
    part = next;
  }
  for (let i = 0; i < csr.n; i++) membership[i] = part[vertexOf[i]!]!;
}
