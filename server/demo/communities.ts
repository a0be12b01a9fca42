import type { DemoOptions } from './options.js';
import { type Rng, shuffle, uniform } from './random.js';

/**
 * Who belongs to which planted community, before any tie exists. Three communities play a part in the
 * story of the year: one forms late, one splits in two, one shrinks as its members churn.
 */
export interface CommunityPlan {
  /** Community of each customer (by generation index); -1 for customers with no social presence. */
  of: Int16Array;
  /** Communities planted at the start (the split adds one more by the end). */
  count: number;
  forming: number;
  splitting: number;
  shrinking: number;
  /** For members of the splitting community: the half (0 or 1) each ends up in. */
  half: Uint8Array;
  /** Customer indices of the hubs; the first third of them bridge communities. */
  hubs: number[];
  bridges: number;
}

export function planCommunities(options: DemoOptions, rng: Rng): CommunityPlan {
  const n = options.customers;
  const count = options.communities;
  if (count < 4) throw new RangeError('rapport/demo: communities must be at least 4.');
  const members = Math.round(n * options.socialShare);
  // Sizes fall off geometrically, so a few large communities sit beside several small ones.
  const weights = Array.from({ length: count }, (_, k) => Math.pow(0.82, k) * uniform(rng, 0.85, 1.15));
  weights.sort((a, b) => b - a);
  const total = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(8, Math.round((w / total) * members)));

  const of = new Int16Array(n).fill(-1);
  const order = shuffle(rng, Array.from({ length: n }, (_, i) => i));
  let next = 0;
  sizes.forEach((size, c) => {
    for (let k = 0; k < size && next < n; k++) of[order[next++]!] = c;
  });

  const half = new Uint8Array(n);
  const splitting = 1;
  for (let i = 0; i < n; i++) if (of[i] === splitting) half[i] = rng() < 0.5 ? 0 : 1;

  const hubs: number[] = [];
  for (let h = 0; h < options.hubs; h++) {
    const c = h % count;
    const candidates = order.filter((i) => of[i] === c && !hubs.includes(i));
    if (candidates.length > 0) hubs.push(candidates[Math.floor(rng() * candidates.length)]!);
  }
  return {
    of,
    count,
    forming: Math.min(5, count - 1),
    splitting,
    shrinking: 3,
    half,
    hubs,
    bridges: Math.ceil(hubs.length / 3),
  };
}

/** The community a customer is in at the end of the data: the split's second half gets a new id. */
export function finalCommunity(plan: CommunityPlan, i: number): number {
  const c = plan.of[i]!;
  return c === plan.splitting && plan.half[i] === 1 ? plan.count : c;
}
