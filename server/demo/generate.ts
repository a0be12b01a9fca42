import { finalCommunity, planCommunities } from './communities.js';
import { createProfiles } from './customers.js';
import { draftInteractions } from './interactions.js';
import { type DemoOptions, resolveOptions, windowOf } from './options.js';
import { createOrders } from './orders.js';
import { simulatePurchases } from './purchases.js';
import { createRng } from './random.js';
import { createRelationships } from './relationships.js';
import { threadInteractions } from './threads.js';
import { createTies } from './ties.js';
import type { DemoData, DemoTruth } from './data.js';

/**
 * A believable demo tenant, the same for the same options on any machine: customers, a year of orders,
 * interactions on every channel and a social graph with planted communities. Each stage draws from its own
 * seeded stream.
 */
export function generateDemo(options?: Partial<DemoOptions>): DemoData {
  return generateDemoWithTruth(options).data;
}

/** The demo tenant together with what was planted in it. */
export function generateDemoWithTruth(options?: Partial<DemoOptions>): { data: DemoData; truth: DemoTruth } {
  const resolved = resolveOptions(options);
  const window = windowOf(resolved);
  const rng = (stage: string) => createRng(resolved.seed, stage);

  const plan = planCommunities(resolved, rng('communities'));
  const profiles = createProfiles(resolved, window, plan, rng('customers'));
  simulatePurchases(profiles, resolved, window, plan, rng('purchases'));
  const orders = createOrders(profiles, resolved, window, rng('orders'));
  const ties = createTies(profiles, resolved, plan, rng('ties'));
  const relationships = createRelationships(ties, profiles, plan, window, rng('relationships'));

  // Mentions follow the ties that exist by the end of the data.
  const index = new Map(profiles.map((p, i) => [p.record.externalId, i]));
  const neighbours: number[][] = profiles.map(() => []);
  for (const r of relationships) {
    const [a, b] = [index.get(r.sourceExternalId)!, index.get(r.targetExternalId)!];
    if (!neighbours[a]!.includes(b)) neighbours[a]!.push(b);
    if (!neighbours[b]!.includes(a)) neighbours[b]!.push(a);
  }
  const drafts = draftInteractions(profiles, resolved, window, rng('interactions'));
  const interactions = threadInteractions(drafts, profiles, neighbours, window.end, rng('threads'));

  const customers = profiles
    .map(({ record }) => ({
      externalId: record.externalId,
      name: record.name ?? null,
      handle: record.handle ?? null,
      email: record.email ?? null,
      country: record.country ?? null,
      attributes: record.attributes ?? {},
    }))
    .sort((a, b) => (a.externalId < b.externalId ? -1 : 1));

  const community: Record<string, number> = {};
  profiles.forEach((p, i) => {
    if (p.community >= 0) community[p.record.externalId] = finalCommunity(plan, i);
  });
  const truth: DemoTruth = {
    community,
    forming: plan.forming,
    splitting: plan.splitting,
    splitInto: plan.count,
    shrinking: plan.shrinking,
    hubs: plan.hubs.map((i) => profiles[i]!.record.externalId),
    bridges: plan.bridges,
    unhappy: profiles.filter((p) => p.unhappy).map((p) => p.record.externalId),
  };
  return { data: { customers, orders, interactions, relationships }, truth };
}
