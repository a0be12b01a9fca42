/**
 * Influence score a community manager can read: PageRank (Brin & Page 1998) — how much attention flows to the
 * customer through the network — blended with the customer's reach, activity and value, each first turned into a
 * percentile rank so no heavy-tailed quantity dominates:
 *
 *   score = 0.4·pct(PageRank) + 0.2·pct(reach) + 0.2·pct(activity) + 0.2·pct(monetary)   (weights renormalised)
 *   influence = pct(score) ∈ [0, 100]
 *
 * reach = distinct neighbours (undirected view), activity = the caller's per-node activity count (interactions),
 * monetary = RFM monetary value; missing arrays or entries count as 0 (then that term is 50 for everyone and only
 * shifts the score). pct = mid-rank percentile (percentile.ts). Weights are options.
 */
import { degreeCentrality } from './degree';
import { at, fail, type NetworkInput, type NodeAttributes } from './input';
import { pageRank, type PageRankOptions } from './pagerank';
import { percentileRanks } from './percentile';

export interface InfluenceOptions {
  /** Weights of the four terms; renormalised to sum 1. @default { pageRank: 0.4, reach: 0.2, activity: 0.2, monetary: 0.2 } */
  weights?: { pageRank?: number; reach?: number; activity?: number; monetary?: number };
  pageRank?: PageRankOptions;
}

export const INFLUENCE_DEFAULTS = { weights: { pageRank: 0.4, reach: 0.2, activity: 0.2, monetary: 0.2 } } as const;

export interface InfluenceResult {
  /** Percentile 0–100 of the blended score. */
  readonly influence: Float64Array;
  /** The blended score, 0–100 (weighted mean of the term percentiles). */
  readonly score: Float64Array;
  readonly pageRank: Float64Array;
  readonly reach: Uint32Array;
}

export function influence(
  input: NetworkInput,
  attributes: Pick<NodeAttributes, 'activity' | 'monetary'> = {},
  options: InfluenceOptions = {},
): InfluenceResult {
  const w = { ...INFLUENCE_DEFAULTS.weights, ...options.weights };
  const total = w.pageRank + w.reach + w.activity + w.monetary;
  if (!(total > 0) || Object.values(w).some((x) => x < 0)) fail('influence: weights must be ≥ 0 with a positive sum');
  const n = input.nodes.length;
  const ranks = pageRank(input, options.pageRank);
  const { degree } = degreeCentrality(input);
  const terms: [number, Float64Array][] = [
    [w.pageRank, percentileRanks(ranks)],
    [w.reach, percentileRanks(degree)],
    [w.activity, percentileRanks(Float64Array.from({ length: n }, (_, i) => at(attributes.activity, i)))],
    [w.monetary, percentileRanks(Float64Array.from({ length: n }, (_, i) => at(attributes.monetary, i)))],
  ];
  const score = new Float64Array(n);
  for (const [weight, pct] of terms) for (let i = 0; i < n; i++) score[i]! += (weight / total) * pct[i]!;
  return { influence: percentileRanks(score), score, pageRank: ranks, reach: degree };
}
