import type { CommunityPlan } from './communities.js';
import type { Profile } from './customers.js';
import { DAY, type DemoOptions, type Window } from './options.js';
import { type Rng, exponential, weightedSampler } from './random.js';

/** A customer who orders more often than this is a reseller, not a shopper. */
const MAX_PURCHASES = 90;

/**
 * Purchase times per customer after BG/NBD (Fader, Hardie & Lee 2005): while active, a customer buys as a
 * Poisson process of their own rate λ; after each purchase they drop out for good with their own probability p.
 * The first purchase is the acquisition; members of the shrinking community also quit at a date of their own.
 * Then a few hundred churners are marked unhappy, weighted towards the shrinking community, so sentiment can
 * warn of churn.
 */
export function simulatePurchases(
  profiles: Profile[],
  options: DemoOptions,
  window: Window,
  plan: CommunityPlan,
  rng: Rng,
): void {
  for (const p of profiles) {
    if (p.lead) {
      p.activeUntil = Math.min(window.end - 1, p.joinedAt + exponential(rng, 90 * DAY));
      continue;
    }
    let t = p.joinedAt;
    for (;;) {
      p.orderTimes.push(t);
      if (rng() < p.dropout || p.orderTimes.length >= MAX_PURCHASES) {
        p.churned = true;
        break;
      }
      t += exponential(rng, DAY / p.rate);
      if (t >= p.quitsAt) {
        p.churned = true;
        break;
      }
      if (t >= window.end) break;
    }
    const last = p.orderTimes[p.orderTimes.length - 1]!;
    // A churned customer lingers on social media and in the inbox for a while after their last order.
    p.activeUntil = p.churned ? Math.min(window.end - 1, last + exponential(rng, 35 * DAY)) : window.end - 1;
  }
  markUnhappy(profiles, options, window, plan, rng);
}

function markUnhappy(profiles: Profile[], options: DemoOptions, window: Window, plan: CommunityPlan, rng: Rng): void {
  const churners = profiles.filter(
    (p) => p.churned && p.orderTimes.length >= 2 && p.orderTimes[p.orderTimes.length - 1]! < window.end - 45 * DAY,
  );
  const want = Math.min(churners.length, Math.round(options.customers * options.unhappyShare));
  const weights = churners.map((p) => (p.community === plan.shrinking ? 4 : 1));
  const sample = weightedSampler(weights);
  for (let marked = 0, tries = 0; marked < want && tries < want * 50; tries++) {
    const k = sample(rng);
    if (churners[k]!.unhappy) continue;
    churners[k]!.unhappy = true;
    marked++;
  }
}
