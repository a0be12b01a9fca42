/**
 * Communities (customer segmentation by group detection) maximising modularity with resolution γ (higher γ →
 * more, smaller groups) on the undirected, weighted tie graph:
 * - `leiden` (default): Leiden (Traag et al. 2019) from singletons, Rapport's typed-array kernel (leiden.ts);
 * - `louvain`: Louvain (Blondel et al. 2008) by graphology-communities-louvain, then the same Leiden iterations
 *   as a refinement (`iterations: 0` for graphology's result as it is).
 * bench/network.ts compares both with igraph, leidenalg and networkx. The default — Leiden, one iteration — is
 * faster than igraph's multilevel with a higher mean modularity; `iterations: 2` (leidenalg's default) matches
 * leidenalg's modularity at about its speed. Deterministic for a given seed; `bestOf: N` runs seeds
 * seed…seed+N-1 and keeps the highest modularity. Communities are numbered by decreasing size (README.md).
 */
import { fail, type NetworkInput } from './input';
import { leidenIterations } from './leiden';
import { graphologyLouvain } from './louvain';
import { prepareNetwork, type Network } from './network';
import { canonical, modularity } from './partition';
import { createRng } from './rng';

export interface CommunityOptions {
  /** @default 'leiden' */
  algorithm?: 'leiden' | 'louvain';
  /** Resolution γ of modularity. @default 1 */
  resolution?: number;
  /** Seed of the first run. @default 0 */
  seed?: number;
  /** Number of seeded runs; the best modularity is kept. @default 1 */
  bestOf?: number;
  /**
   * Leiden iterations (as leidenalg's `n_iterations`): from singletons for `leiden` (at least 1 is run), after
   * graphology's Louvain for `louvain` (0 = none). Stops early once an iteration no longer raises modularity.
   * @default 1
   */
  iterations?: number;
}

export const COMMUNITY_DEFAULTS: Required<CommunityOptions> = {
  algorithm: 'leiden',
  resolution: 1,
  seed: 0,
  bestOf: 1,
  iterations: 1,
};

export interface CommunityResult {
  /** Community per node, 0…count-1, community 0 the largest. */
  readonly membership: Int32Array;
  readonly count: number;
  /** Members per community. */
  readonly sizes: readonly number[];
  /** Modularity (with γ = `resolution`) of the kept partition. */
  readonly modularity: number;
  readonly resolution: number;
  /** Seed of the kept run. */
  readonly seed: number;
  /** Modularity of every run, in seed order. */
  readonly runs: readonly number[];
}

export function detectCommunities(input: NetworkInput, options: CommunityOptions = {}): CommunityResult {
  const o = { ...COMMUNITY_DEFAULTS, ...options };
  if (!(o.resolution > 0)) fail(`communities: resolution must be > 0, got ${o.resolution}`);
  if (o.algorithm !== 'leiden' && o.algorithm !== 'louvain') fail(`communities: unknown algorithm ${String(o.algorithm)}`);
  if (!(Number.isInteger(o.bestOf) && o.bestOf >= 1)) fail(`communities: bestOf must be an integer ≥ 1, got ${o.bestOf}`);
  const network = prepareNetwork(input);
  let best: { labels: Int32Array; q: number; seed: number } | undefined;
  const runs: number[] = [];
  for (let k = 0; k < o.bestOf; k++) {
    const seed = o.seed + k;
    const { labels, q } = singleRun(network, o, seed);
    runs.push(q);
    if (best === undefined || q > best.q + 1e-12) best = { labels, q, seed };
  }
  const { membership, sizes } = canonical(best!.labels);
  return { membership, count: sizes.length, sizes, modularity: best!.q, resolution: o.resolution, seed: best!.seed, runs };
}

function singleRun(network: Network, o: Required<CommunityOptions>, seed: number): { labels: Int32Array; q: number } {
  const { csr } = network;
  const labels = Int32Array.from({ length: network.n }, (_, i) => i);
  if (csr.total === 0) return { labels, q: 0 };
  const rng = createRng(seed);
  if (o.algorithm === 'louvain') {
    const found = graphologyLouvain(network, o.resolution, rng);
    const q = modularity(csr, found, o.resolution);
    return { labels: found, q: o.iterations > 0 ? leidenIterations(csr, found, o.resolution, rng, o.iterations, q) : q };
  }
  // Singletons: no tie is inside a community, so Q = −γ Σ (k_i / 2m)².
  let q = 0;
  for (let i = 0; i < network.n; i++) q -= o.resolution * (csr.strength[i]! / csr.total) ** 2;
  return { labels, q: leidenIterations(csr, labels, o.resolution, rng, Math.max(1, o.iterations), q) };
}
