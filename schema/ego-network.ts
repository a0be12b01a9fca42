/**
 * `network.egoNetwork(customer, radius)`: a customer, the customers within 1 or 2 hops (undirected view) and the
 * ties among them, ranked and capped for display (../server/analytics/network/ego.ts).
 */
import { egoNetwork, type EgoNode } from '../server/analytics/network';
import { networkNode, tenantInfluence, type NetworkEdge } from '../server/analytics-service';
import { customersByIds } from '../server/store/queries/customers';
import { analytics, snapshotOf } from './analytics';
import { builder } from './builder';
import { CustomerRef, parseCustomerId } from './customer';
import { userError } from './errors';
import { NetworkRef } from './network';
import { TieRef } from './network-edges';
import { MAX_PAGE_SIZE } from './paging';

type EgoMember = Omit<EgoNode, 'index' | 'id'> & { customerId: number };

interface EgoShape {
  nodes: EgoMember[];
  edges: NetworkEdge[];
  totalAlters: number;
  truncated: boolean;
}

const EgoNodeRef = builder.objectRef<EgoMember>('EgoNode').implement({
  fields: (t) => ({
    customer: t.field({ type: CustomerRef, resolve: (n) => n.customerId }),
    distance: t.exposeInt('distance', { description: '0 for the ego, 1 or 2 hops for alters.' }),
    tieWeight: t.exposeFloat('tieWeight', { description: 'Tie weight to the ego (distance 1) or to the first ring (distance 2).' }),
    pageRank: t.exposeFloat('pageRank'),
  }),
});

const EgoNetworkRef = builder.objectRef<EgoShape>('EgoNetwork').implement({
  fields: (t) => ({
    nodes: t.field({
      type: [EgoNodeRef],
      description: 'The ego first, then the first ring, then the second; within a ring by tie weight, then PageRank.',
      resolve: (s) => s.nodes,
    }),
    edges: t.field({ type: [TieRef], description: 'The ties among `nodes`.', resolve: (s) => s.edges }),
    totalAlters: t.exposeInt('totalAlters', { description: 'Customers within the radius before the cap.' }),
    truncated: t.exposeBoolean('truncated'),
  }),
});

builder.objectField(NetworkRef, 'egoNetwork', (t) =>
  t.field({
    type: EgoNetworkRef,
    nullable: true,
    description: 'Null when the id names no customer of this tenant; a customer without ties is an ego alone.',
    args: {
      customer: t.arg.globalID({ required: true, description: 'A Customer global id; anything else is refused.' }),
      radius: t.arg.int({ defaultValue: 1, description: '1 or 2.' }),
      first: t.arg.int({ defaultValue: 200, description: `Most customers returned, the ego included (≤ ${MAX_PAGE_SIZE}).` }),
    },
    resolve: (_n, args, ctx) =>
      analytics(async () => {
        const radius = args.radius ?? 1;
        const first = args.first ?? 200;
        if (radius !== 1 && radius !== 2) throw userError('BAD_USER_INPUT', '`radius` must be 1 or 2.');
        if (first < 1 || first > MAX_PAGE_SIZE) throw userError('BAD_USER_INPUT', `\`first\` must be within 1..${MAX_PAGE_SIZE}.`);
        const id = args.customer.typename === 'Customer' ? parseCustomerId(args.customer.id) : 0;
        if (!id || (await customersByIds(ctx.store, ctx.tenant, [id])).length === 0) return null;
        const influence = await tenantInfluence(await snapshotOf(ctx));
        const ids = influence.network.customerIds;
        const node = networkNode(influence.network, id);
        if (node < 0) return { nodes: [{ customerId: id, distance: 0, tieWeight: 0, pageRank: 0 }], edges: [], totalAlters: 0, truncated: false };
        const ego = egoNetwork(influence.network.input, node, { radius, limit: first, pageRank: influence.result.pageRank });
        ctx.ids.prime('Customer', ego.nodes.map(({ index }) => ids[index]));
        return {
          nodes: ego.nodes.map(({ index, distance, tieWeight, pageRank }) => ({ customerId: ids[index]!, distance, tieWeight, pageRank })),
          edges: ego.edges.map((e) => ({ source: ids[e.source]!, target: ids[e.target]!, weight: e.weight })),
          totalAlters: ego.totalAlters,
          truncated: ego.truncated,
        };
      }),
  }),
);
