import type { RelationshipRecord } from '../ingest/types.js';
import type { CommunityPlan } from './communities.js';
import type { Profile } from './customers.js';
import type { Tie } from './ties.js';
import { DAY, type Window } from './options.js';
import { sortBy } from './sort-by.js';
import { type Rng, chance, exponential, poisson } from './random.js';

/** Share of the window after which the splitting community's two halves stop talking. */
const SPLIT_AT = 0.6;

/**
 * Kinds, directions, weights and dates for each tie. A tie forms after both customers have arrived and ends
 * when the first of them goes quiet, so the forming community appears late and the shrinking one fades;
 * ties across the splitting community's halves end at the split.
 */
export function createRelationships(
  ties: Tie[],
  profiles: Profile[],
  plan: CommunityPlan,
  window: Window,
  rng: Rng,
): RelationshipRecord[] {
  const degree = new Uint32Array(profiles.length);
  for (const { a, b } of ties) {
    degree[a]!++;
    degree[b]!++;
  }
  const splitAt = window.start + SPLIT_AT * (window.end - window.start);

  const records: RelationshipRecord[] = [];
  for (const tie of ties) {
    const { a, b } = tie;
    const [pa, pb] = [profiles[a]!, profiles[b]!];
    let first = Math.max(pa.joinedAt, pb.joinedAt) + exponential(rng, 20 * DAY);
    if (first >= window.end) continue;
    let last = Math.min(pa.activeUntil, pb.activeUntil);
    if (last >= window.end - DAY) last = window.end - 1 - exponential(rng, 5 * DAY);
    const acrossSplit = plan.of[a] === plan.splitting && plan.of[b] === plan.splitting && plan.half[a] !== plan.half[b];
    if (acrossSplit) last = Math.min(last, splitAt - exponential(rng, 20 * DAY));
    // Windows that do not overlap still met once: the later arrival caught the other on the way out.
    if (acrossSplit && first > last) continue;
    if (first > last) last = first + Math.min(exponential(rng, 15 * DAY), (window.end - 1 - first) * rng());
    const firstSeen = new Date(Math.floor(first));
    const lastSeen = new Date(Math.floor(last));
    const push = (source: number, target: number, kind: string, weight: number, from = firstSeen): void => {
      records.push({
        sourceExternalId: profiles[source]!.record.externalId,
        targetExternalId: profiles[target]!.record.externalId,
        kind,
        weight,
        firstSeen: from,
        lastSeen,
      });
    };

    const [follower, followed] = degree[a]! <= degree[b]! ? [a, b] : [b, a];
    const [speaker, spoken] = chance(rng, 0.5) ? [a, b] : [b, a];
    const before = records.length;
    if (tie.referral) {
      const [referrer, referee] = tie.referral;
      push(referrer, referee, 'referral', 1, new Date(Math.floor(profiles[referee]!.joinedAt)));
    }
    if (plan.of[a] === plan.of[b] && chance(rng, 0.1)) push(a, b, 'colleague', 1);
    if (chance(rng, 0.3)) push(speaker, spoken, 'mentions', 1 + poisson(rng, 1.5));
    if (chance(rng, 0.18)) push(spoken, speaker, 'replies', 1 + poisson(rng, 1));
    // Most ties include a follow, the less connected customer following the better connected one.
    if (records.length === before || chance(rng, 0.6)) {
      push(follower, followed, 'follows', 1);
      if (chance(rng, 0.3)) push(followed, follower, 'follows', 1);
    }
  }
  return sortBy(records, (r) => r.firstSeen!.getTime());
}
