/**
 * `network.edges(first, after)`: every tie of the tenant's network as a Relay connection, for drawing the whole
 * graph (../server/analytics-service/network-edges.ts); `network.edgeCount`; the `Tie` type, shared with ego
 * networks. Cursors are keysets — the (source, target) pair of the edge — so a cursor names the same place while
 * the data version is unchanged, and after a write the next page still starts after that pair.
 */
import { resolveCursorConnection, type ResolveCursorConnectionArgs } from '@pothos/plugin-relay';
import { edgePage, tenantNetworkEdges, type EdgeKey, type NetworkEdge } from '../server/analytics-service';
import { analytics, snapshotOf } from './analytics';
import { builder } from './builder';
import type { Context } from './context';
import { NetworkRef } from './network';
import { checkPageArgs, decodeCursor, emptyPageCursors, encodeCursor, pageOptions } from './paging';

export const TieRef = builder.objectRef<NetworkEdge>('Tie').implement({
  description: 'Two customers tied either way (undirected: parallel ties merged, self-ties left out).',
  fields: (t) => ({
    source: t.id({ description: 'Global id of a Customer; in `network.edges` the one with the smaller store id.', resolve: (e, _args, ctx) => ctx.ids.encode('Customer', e.source) }),
    target: t.id({ description: 'Global id of the other Customer.', resolve: (e, _args, ctx) => ctx.ids.encode('Customer', e.target) }),
    weight: t.exposeFloat('weight', { description: 'Σ recency-weighted tie weights (docs/network.md, "Weights").' }),
  }),
});

/** A cursor is the edge's [source, target] global ids. */
const keyOf = (ctx: Context, value: unknown): EdgeKey | undefined => {
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [source, target] = value.map((id) => ctx.ids.storeId('Customer', id));
  return source && target ? [source, target] : undefined;
};

const toKey = (ctx: Context, cursor: string | undefined): EdgeKey | undefined =>
  cursor === undefined ? undefined : decodeCursor(cursor, (value) => keyOf(ctx, value));

builder.objectFields(NetworkRef, (t) => ({
  edgeCount: t.int({
    description: 'Pairs of customers tied either way (= `edges.totalCount`).',
    resolve: (_n, _args, ctx) => analytics(async () => (await tenantNetworkEdges(await snapshotOf(ctx))).source.length),
  }),
  edges: t.connection({
    type: TieRef,
    description: 'Every tie of the network, by (source, target) store ids, pages ≤ 500. Does not depend on `resolution`.',
    resolve: (_n, args, ctx) =>
      analytics(async () => {
        checkPageArgs(args);
        const edges = await tenantNetworkEdges(await snapshotOf(ctx));
        const connection = await resolveCursorConnection(
          { args, toCursor: (e: NetworkEdge) => encodeCursor([ctx.ids.encode('Customer', e.source), ctx.ids.encode('Customer', e.target)]), ...pageOptions },
          ({ before, after, limit, inverted }: ResolveCursorConnectionArgs) => {
            const page = edgePage(edges, { after: toKey(ctx, after), before: toKey(ctx, before), limit, inverted });
            ctx.ids.prime('Customer', page.flatMap((e) => [e.source, e.target]));
            return page;
          },
        );
        return { ...emptyPageCursors(connection), totalCount: edges.source.length };
      }),
  }),
}));
