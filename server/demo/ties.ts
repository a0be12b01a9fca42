import type { CommunityPlan } from './communities.js';
import type { Profile } from './customers.js';
import type { DemoOptions } from './options.js';
import { type Rng, int, lognormal, weightedSampler } from './random.js';

/** An undirected tie between two customers (indices, a < b), before it gets kinds and dates. */
export interface Tie {
  a: number;
  b: number;
  /** Set when one customer referred the other: [referrer, referee]. */
  referral?: [number, number];
}

/**
 * Planted-partition ties with Chung–Lu degrees: within a community, pairs are drawn in proportion to each
 * member's sociability (lognormal, so degrees are heavy-tailed); a small share crosses communities; hubs get
 * many extra ties, and the bridging hubs spread half of theirs over other communities.
 */
export function createTies(profiles: Profile[], options: DemoOptions, plan: CommunityPlan, rng: Rng): Tie[] {
  const n = profiles.length;
  const sociability = Float64Array.from({ length: n }, () => lognormal(rng, 0, 0.7));
  const members: number[][] = Array.from({ length: plan.count }, () => []);
  for (let i = 0; i < n; i++) if (plan.of[i]! >= 0) members[plan.of[i]!]!.push(i);
  const samplers = members.map((m) => weightedSampler(m.map((i) => sociability[i]!)));
  const drawFrom = (c: number): number => members[c]![samplers[c]!(rng)]!;

  const ties = new Map<number, Tie>();
  const add = (u: number, v: number): Tie | undefined => {
    if (u === v) return undefined;
    const [a, b] = u < v ? [u, v] : [v, u];
    const key = a * n + b;
    const tie = ties.get(key) ?? { a, b };
    ties.set(key, tie);
    return tie;
  };

  let intra = 0;
  members.forEach((m, c) => {
    const want = Math.round((m.length * Math.min(options.meanDegree, (m.length - 1) / 2)) / 2);
    for (let made = 0, tries = 0; made < want && tries < want * 20; tries++) {
      const u = drawFrom(c);
      const v = drawFrom(c);
      // The splitting community's halves were always a little apart.
      if (c === plan.splitting && plan.half[u] !== plan.half[v] && rng() < 0.55) continue;
      const before = ties.size;
      add(u, v);
      if (ties.size > before) made++;
    }
    intra += want;
  });

  const community = weightedSampler(members.map((m) => m.length));
  for (let made = 0; made < Math.round(intra * options.mixing); made++) {
    const c = community(rng);
    let d = community(rng);
    while (d === c) d = community(rng);
    add(drawFrom(c), drawFrom(d));
  }

  plan.hubs.forEach((hub, h) => {
    const own = plan.of[hub]!;
    const bridging = h < plan.bridges;
    const degree = int(rng, 50, 120);
    for (let k = 0; k < degree; k++) {
      const c = bridging && rng() < 0.5 ? community(rng) : own;
      add(hub, drawFrom(c));
    }
  });

  addReferrals(profiles, members, rng, add);
  return [...ties.values()];
}

/** Customers who came by referral were referred by an earlier member of their own community. */
function addReferrals(
  profiles: Profile[],
  members: number[][],
  rng: Rng,
  add: (u: number, v: number) => Tie | undefined,
): void {
  for (const m of members) {
    for (const referee of m) {
      if (profiles[referee]!.record.attributes?.['acquisitionChannel'] !== 'referral') continue;
      const earlier = m.filter((i) => profiles[i]!.joinedAt < profiles[referee]!.joinedAt);
      if (earlier.length === 0) continue;
      const referrer = earlier[Math.floor(rng() * earlier.length)]!;
      const tie = add(referrer, referee);
      if (tie) tie.referral = [referrer, referee];
    }
  }
}
