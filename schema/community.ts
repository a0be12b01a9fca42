/**
 * Communities of the tenant's network (groups found by modularity optimisation, docs/network.md): the type,
 * `community(id)` and `Customer.community` (roles and leaders: community-roles.ts).
 */
import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { profileGroup } from '../server/analytics/network';
import { networkNode, tenantCommunities } from '../server/analytics-service';
import { customersByIds, type CustomerRow } from '../server/store/queries/customers';
import { analytics, snapshotOf } from './analytics';
import { builder } from './builder';
import { communityById, communityId, memberIds, type CommunityShape } from './community-id';
import type { Context } from './context';
import { CustomerRef } from './customer';
import { checkPageArgs, pageOptions } from './paging';
import { SegmentShareRef, segmentShares } from './segment-share';

const profile = ({ communities, index }: CommunityShape) =>
  profileGroup(communities.members[index]!, communities.network.attributes, new Float64Array(0));

/** Members in store-id order, one page loaded per request. */
async function memberPage(ctx: Context, ids: readonly number[], offset: number, limit: number): Promise<CustomerRow[]> {
  const page = ids.slice(offset, offset + limit);
  ctx.ids.prime('Customer', page);
  const rows = new Map((await customersByIds(ctx.store, ctx.tenant, page)).map((c) => [c.id, c]));
  return page.flatMap((id) => rows.get(id) ?? []);
}

export const CommunityRef = builder.objectRef<CommunityShape>('Community').implement({
  description: 'A group of customers more tied to each other than to the rest (Leiden, seeded: the same data gives the same groups).',
  fields: (t) => ({
    id: t.id({ resolve: (c) => communityId(c.index, c.communities.result.resolution) }),
    size: t.int({ resolve: (c) => c.communities.result.sizes[c.index]! }),
    resolution: t.float({ resolve: (c) => c.communities.result.resolution }),
    members: t.connection({
      type: CustomerRef,
      description: 'Members in the order they were added to the tenant.',
      resolve: async (c, args, ctx) => {
        checkPageArgs(args);
        const ids = memberIds(c);
        const connection = await resolveOffsetConnection({ args, ...pageOptions, totalCount: ids.length }, ({ offset, limit }) =>
          memberPage(ctx, ids, offset, limit),
        );
        return { ...connection, totalCount: ids.length };
      },
    }),
    value: t.float({ description: 'Σ RFM monetary of the members.', resolve: (c) => profile(c).value }),
    activity: t.float({ description: 'Σ interactions of the members.', resolve: (c) => profile(c).activity }),
    sentiment: t.float({ description: 'Mean net sentiment of the members, −1 … 1 (positive − negative share of their labelled interactions).', resolve: (c) => profile(c).sentiment }),
    segmentMix: t.field({
      type: [SegmentShareRef],
      description: 'Members per RFM segment (default map), largest first.',
      resolve: (c) => segmentShares(profile(c).segmentMix, profile(c).size),
    }),
  }),
});

builder.queryFields((t) => ({
  community: t.field({
    type: CommunityRef,
    nullable: true,
    description: 'A community by id (from `network` or `Customer.community`); null when there is none.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => communityById(ctx, String(args.id)),
  }),
}));

/** The customer's node in the tenant network, or -1 (no tie). */
async function nodeOf(ctx: Context, customerId: number) {
  const communities = await tenantCommunities(await snapshotOf(ctx));
  return { communities, node: networkNode(communities.network, customerId) };
}

builder.objectField(CustomerRef, 'community', (t) =>
  t.field({
    type: CommunityRef,
    nullable: true,
    description: 'The customer\'s community at the default resolution; null when the customer has no tie.',
    resolve: (customer, _args, ctx) =>
      analytics(async () => {
        const { communities, node } = await nodeOf(ctx, customer.id);
        return node < 0 ? null : { communities, index: communities.result.membership[node]! };
      }),
  }),
);
