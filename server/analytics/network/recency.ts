/**
 * Tie weights by count and recency, for whoever builds a NetworkInput from relationships and interactions:
 * exponential decay with a half-life (the usual forgetting model of tie strength, e.g. Roth et al. 2010 "Suggesting
 * friends using the implicit social graph"), so a tie seen `count` times, last seen `halfLife` ago, weighs count/2.
 *   weight = count · 2^(−(asOf − lastSeen) / halfLife),  floored at `floor` so old ties still connect.
 */
import { at, fail, MS_PER_DAY, type NumericColumn } from './input';

export interface RecencyOptions {
  /** Reference time, ms since the epoch. @default the latest `lastSeen` */
  asOf?: number;
  /** @default 90 (days) */
  halfLifeDays?: number;
  /** Smallest weight returned. @default 0.01 */
  floor?: number;
}

export const RECENCY_DEFAULTS = { halfLifeDays: 90, floor: 0.01 } as const;

/** `count` and `lastSeen` (ms since the epoch) per tie → weights. A missing count is 1. */
export function recencyWeights(count: NumericColumn | undefined, lastSeen: NumericColumn, options: RecencyOptions = {}): Float64Array {
  const o = { ...RECENCY_DEFAULTS, ...options };
  if (!(o.halfLifeDays > 0)) fail(`recency: halfLifeDays must be > 0, got ${o.halfLifeDays}`);
  let asOf = o.asOf ?? -Infinity;
  if (o.asOf === undefined) for (let e = 0; e < lastSeen.length; e++) asOf = Math.max(asOf, lastSeen[e]!);
  const halfLife = o.halfLifeDays * MS_PER_DAY;
  const weights = new Float64Array(lastSeen.length);
  for (let e = 0; e < lastSeen.length; e++) {
    const age = Math.max(0, asOf - lastSeen[e]!);
    weights[e] = Math.max(o.floor, at(count, e, 1) * 2 ** (-age / halfLife));
  }
  return weights;
}
