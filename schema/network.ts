/**
 * `network`: the tenant's social graph — communities with their modularity, influencers, ego networks
 * (ego-network.ts) — computed once per data version and cached (docs/network.md).
 */
import { checkResolution, tenantBetweenness, tenantCommunities, tenantInfluence, type TenantCommunities } from '../server/analytics-service';
import type { BetweennessResult } from '../server/analytics/network';
import { analytics, snapshotOf } from './analytics';
import { builder } from './builder';
import { CommunityRef } from './community';
import { userError } from './errors';
import { InfluenceRef } from './influence';
import { MAX_PAGE_SIZE } from './paging';

export const NetworkRef = builder.objectRef<TenantCommunities>('Network');

const BetweennessInfo = builder.objectRef<BetweennessResult>('BetweennessMethod').implement({
  fields: (t) => ({
    mode: t.exposeString('mode', { description: '`exact` (Brandes) or `sampled` (Brandes & Pich pivots), chosen by size.' }),
    pivots: t.exposeInt('pivots'),
    errorBound: t.exposeFloat('errorBound', { description: 'A 95 % bound on |estimate − exact| for each customer taken alone (Hoeffding; not for all at once); 0 when exact.' }),
  }),
});

NetworkRef.implement({
  description: 'The tenant\'s customers with at least one tie (stored relationships, @mentions and replies), as one graph.',
  fields: (t) => ({
    resolution: t.float({ description: 'Modularity resolution γ the communities were found at.', resolve: (n) => n.result.resolution }),
    modularity: t.float({ description: 'Newman–Girvan modularity (at γ) of the communities, on the undirected weighted graph.', resolve: (n) => n.result.modularity }),
    nodeCount: t.int({ description: 'Customers in the graph (= Σ community sizes).', resolve: (n) => n.network.customerIds.length }),
    tieCount: t.int({ description: 'Ties as stored and derived, before merging parallel ones.', resolve: (n) => n.network.input.source.length }),
    derivedTieCount: t.int({ description: 'Ties derived from interactions (@mentions, replies).', resolve: (n) => n.network.derivedTies }),
    communityCount: t.int({ resolve: (n) => n.result.count }),
    communities: t.field({
      type: [CommunityRef],
      description: 'Every community, largest first (id order).',
      args: { minSize: t.arg.int({ defaultValue: 1, description: 'Leave out smaller communities.' }) },
      resolve: (n, args) =>
        n.result.sizes.flatMap((size, index) => (size >= (args.minSize ?? 1) ? [{ communities: n, index }] : [])),
    }),
    influencers: t.field({
      type: [InfluenceRef],
      description: 'The most influential customers, by influence score (`Influence`).',
      args: { first: t.arg.int({ defaultValue: 10 }) },
      resolve: (_n, args, ctx) =>
        analytics(async () => {
          const first = args.first ?? 10;
          if (first < 0 || first > MAX_PAGE_SIZE) throw userError('BAD_USER_INPUT', `\`first\` must be within 0..${MAX_PAGE_SIZE}.`);
          const influence = await tenantInfluence(await snapshotOf(ctx));
          const top = influence.order.subarray(0, first);
          ctx.ids.prime('Customer', Array.from(top, (node) => influence.network.customerIds[node]));
          return Array.from(top, (node) => ({ influence, node }));
        }),
    }),
    betweenness: t.field({
      type: BetweennessInfo,
      description: 'How `Influence.betweenness` is computed for this graph (computes it).',
      resolve: (_n, _args, ctx) => analytics(async () => tenantBetweenness(await snapshotOf(ctx))),
    }),
  }),
});

builder.queryFields((t) => ({
  network: t.field({
    type: NetworkRef,
    args: {
      resolution: t.arg.float({ description: 'Modularity resolution γ (0.01–100), rounded to two significant digits: higher → more, smaller communities. Default 1. One request may ask for 4 resolutions at most.' }),
    },
    resolve: (_root, args, ctx) =>
      analytics(async () => {
        const gamma = checkResolution(args.resolution);
        ctx.work.resolution(gamma);
        return tenantCommunities(await snapshotOf(ctx), gamma);
      }),
  }),
}));
