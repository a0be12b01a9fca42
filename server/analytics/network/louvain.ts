/**
 * Louvain modularity optimisation (Blondel et al. 2008) through graphology-communities-louvain, seeded.
 * graphology's `randomWalk` only rotates the start of each pass, so seeds differ less than in igraph; the
 * Leiden iterations (leiden.ts) that follow make up for it.
 */
import louvain from 'graphology-communities-louvain';
import type { Network } from './network';
import type { Rng } from './rng';

export function graphologyLouvain(network: Network, resolution: number, rng: Rng): Int32Array {
  const graph = network.undirected();
  const found = louvain(graph, { getEdgeWeight: 'weight', resolution, rng });
  const membership = new Int32Array(network.n);
  network.input.nodes.forEach((id, i) => {
    membership[i] = found[id]!;
  });
  return membership;
}
