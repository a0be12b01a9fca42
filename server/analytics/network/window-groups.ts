/**
 * The groups of one time window: communities (communities.ts) of the ties active in it, among the nodes those ties
 * touch (re-indexed, so quiet customers cost nothing), kept when they have at least `minSize` members.
 */
import { detectCommunities, type CommunityOptions } from './communities';
import { at, type NetworkInput } from './input';
import type { TimeWindow } from './windows';

export interface WindowGroups {
  /** Member node indices per group, ascending. */
  readonly sets: number[][];
  readonly modularity: number;
  /** Tie weight per node in the window (all nodes). */
  readonly strength: Float64Array;
}

/** Communities among the nodes active in `window` (ties re-indexed to those nodes), as sorted member lists. */
export function windowGroups(input: NetworkInput, window: TimeWindow, minSize: number, options?: CommunityOptions): WindowGroups {
  const local = new Map<number, number>();
  const nodes: string[] = [];
  const global: number[] = [];
  const source: number[] = [];
  const target: number[] = [];
  const weight: number[] = [];
  const strength = new Float64Array(input.nodes.length);
  const index = (v: number): number => {
    let i = local.get(v);
    if (i === undefined) {
      local.set(v, (i = nodes.length));
      nodes.push(input.nodes[v]!);
      global.push(v);
    }
    return i;
  };
  for (const e of window.ties) {
    const s = input.source[e]!;
    const t = input.target[e]!;
    if (s === t) continue;
    const w = at(input.weight, e, 1);
    source.push(index(s));
    target.push(index(t));
    weight.push(w);
    strength[s]! += w;
    strength[t]! += w;
  }
  if (nodes.length === 0) return { sets: [], modularity: 0, strength };
  const found = detectCommunities({ nodes, source, target, weight }, options);
  const sets: number[][] = Array.from({ length: found.count }, () => []);
  found.membership.forEach((c, i) => sets[c]!.push(global[i]!));
  return {
    sets: sets.filter((s) => s.length >= minSize).map((s) => s.sort((a, b) => a - b)),
    modularity: found.modularity,
    strength,
  };
}
