/**
 * A seeded planted-partition graph (Condon & Karp 2001; the "LFR-lite" used to benchmark community detection):
 * `groups` groups of equal size; each tie picks a random endpoint, and its other endpoint in the same group with
 * probability 1 − `mixing`, anywhere otherwise. Repeated pairs and self-picks are redrawn, so exactly `edges`
 * distinct ties. Used by bench/network.ts and the tests; handy for demos.
 */
import { fail, type NetworkInput } from './input';
import { createRng } from './rng';

export interface PlantedOptions {
  /** @default 100_000 */
  nodes?: number;
  /** @default 1_000_000 */
  edges?: number;
  /** @default 1_000 */
  groups?: number;
  /** Share of ties between groups. @default 0.2 */
  mixing?: number;
  /** @default 1 */
  seed?: number;
}

export const PLANTED_DEFAULTS: Required<PlantedOptions> = { nodes: 100_000, edges: 1_000_000, groups: 1_000, mixing: 0.2, seed: 1 };

export function plantedPartition(options: PlantedOptions = {}): NetworkInput & { groups: Int32Array } {
  const o = { ...PLANTED_DEFAULTS, ...options };
  const size = Math.floor(o.nodes / o.groups);
  if (size < 2) fail(`planted: ${o.nodes} nodes cannot make ${o.groups} groups of 2 or more`);
  if (o.edges > (o.nodes * (size - 1)) / 4) fail(`planted: ${o.edges} ties are too many for groups of ${size}`);
  const rng = createRng(o.seed);
  const source = new Uint32Array(o.edges);
  const target = new Uint32Array(o.edges);
  const seen = new Set<number>();
  for (let e = 0; e < o.edges; ) {
    const u = Math.floor(rng() * o.nodes);
    const v = rng() < o.mixing ? Math.floor(rng() * o.nodes) : (u - (u % size) + Math.floor(rng() * size)) % o.nodes;
    const key = Math.min(u, v) * o.nodes + Math.max(u, v);
    if (u === v || seen.has(key)) continue;
    seen.add(key);
    source[e] = u;
    target[e++] = v;
  }
  const groups = Int32Array.from({ length: o.nodes }, (_, i) => Math.floor(i / size));
  return { nodes: Array.from({ length: o.nodes }, (_, i) => String(i)), source, target, groups };
}
