/**
 * Influence of a customer in the tenant network: the `Influence` type shared by `network.influencers` and
 * `Customer.influence` (same values for the same customer), formula in docs/network.md.
 */
import { networkNode, tenantBetweenness, tenantInfluence, type TenantInfluence } from '../server/analytics-service';
import { analytics, snapshotOf } from './analytics';
import { builder } from './builder';
import { CustomerRef } from './customer';

export interface InfluenceShape {
  influence: TenantInfluence;
  node: number;
}

export const InfluenceRef = builder.objectRef<InfluenceShape>('Influence').implement({
  description:
    'score = 0.4·pct(PageRank) + 0.2·pct(reach) + 0.2·pct(activity) + 0.2·pct(monetary), each a percentile among the ' +
    'network\'s customers; percentile = the score\'s own percentile.',
  fields: (t) => ({
    customer: t.field({ type: CustomerRef, resolve: (i) => i.influence.network.customerIds[i.node]! }),
    rank: t.int({ description: '1 = the most influential customer (by score, then PageRank).', resolve: (i) => i.influence.rank[i.node]! }),
    score: t.float({ description: 'Blended score, 0–100.', resolve: (i) => i.influence.result.score[i.node]! }),
    percentile: t.float({ description: '0–100: 97 means above 97 % of the network\'s customers.', resolve: (i) => i.influence.result.influence[i.node]! }),
    pageRank: t.float({ description: 'PageRank (α = 0.85, weighted, directed ties one way); sums to 1 over the network.', resolve: (i) => i.influence.result.pageRank[i.node]! }),
    reach: t.int({ description: 'Distinct customers tied to this one, either way.', resolve: (i) => i.influence.result.reach[i.node]! }),
    activity: t.float({ description: 'Interactions of the customer.', resolve: (i) => i.influence.network.attributes.activity[i.node]! }),
    monetary: t.float({ description: 'RFM monetary value.', resolve: (i) => i.influence.network.attributes.monetary[i.node]! }),
    betweenness: t.float({
      description: 'Normalised betweenness (hop distances). Computed for the whole network on first request: exact on small ' +
        'graphs, a sampled estimate on large ones (`network.betweenness` states the error).',
      resolve: (i, _args, ctx) => analytics(async () => (await tenantBetweenness(await snapshotOf(ctx))).values[i.node]!),
    }),
  }),
});

builder.objectField(CustomerRef, 'influence', (t) =>
  t.field({
    type: InfluenceRef,
    nullable: true,
    description: 'The customer\'s influence in the tenant network; null when the customer has no tie.',
    resolve: (customer, _args, ctx) =>
      analytics(async () => {
        const influence = await tenantInfluence(await snapshotOf(ctx));
        const node = networkNode(influence.network, customer.id);
        return node < 0 ? null : { influence, node };
      }),
  }),
);
