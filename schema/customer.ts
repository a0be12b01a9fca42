import { resolveCursorConnection, type ResolveCursorConnectionArgs } from '@pothos/plugin-relay';
import {
  customerCount,
  customerPage,
  customersByExternalIds,
  customersByIds,
  statsByCustomerIds,
  type CustomerRow,
  type CustomerStatsRow,
} from '../server/store/queries/customers';
import { segmentCustomerIds } from './analytics';
import { builder } from './builder';
import { communityCustomerIds } from './community-id';
import { OrderConnection, loadOrderConnections } from './order';
import { checkPageArgs, decodeCursor, emptyPageCursors, encodeCursor, pageOptions } from './paging';

/** The store id a decoded global id carries ("0" for another tenant's id); anything else names no customer. */
export const parseCustomerId = (id: string): number => (/^\d{1,15}$/.test(id) ? Number(id) : 0);

const CustomerStats = builder.objectRef<CustomerStatsRow>('CustomerStats').implement({
  description: 'Aggregates over the customer\'s valid order lines (not cancelled, quantity > 0), kept up to date on ingest.',
  fields: (t) => ({
    firstOrderAt: t.field({ type: 'DateTime', resolve: (s) => s.first_order_at }),
    lastOrderAt: t.field({ type: 'DateTime', resolve: (s) => s.last_order_at }),
    invoices: t.exposeInt('invoices', { description: 'Distinct invoices.' }),
    monetary: t.exposeFloat('monetary', { description: 'Σ quantity × unit price.' }),
  }),
});

export const CustomerRef = builder.loadableNode('Customer', {
  description: 'A customer of the tenant, named by the external id of the CRM it came from.',
  id: { resolve: (c: CustomerRow) => c.id, parse: parseCustomerId },
  load: (ids: number[], ctx) => customersByIds(ctx.store, ctx.tenant, ids),
  sort: (c) => c.id,
  fields: (t) => ({
    externalId: t.exposeString('external_id'),
    name: t.exposeString('name', { nullable: true }),
    handle: t.exposeString('handle', { nullable: true }),
    email: t.exposeString('email', { nullable: true }),
    country: t.exposeString('country', { nullable: true }),
    attributes: t.field({ type: 'JSON', resolve: (c) => c.attributes }),
    createdAt: t.field({ type: 'DateTime', resolve: (c) => c.created_at }),
    stats: t.loadable({
      type: CustomerStats,
      nullable: true,
      description: 'Null until the customer has a valid order.',
      load: (ids: number[], ctx) => statsByCustomerIds(ctx.store, ctx.tenant, ids),
      sort: (s) => s.customer_id,
      resolve: (c) => c.id,
    }),
    orders: t.loadable({
      type: OrderConnection,
      byPath: true,
      args: { ...t.arg.connectionArgs() },
      load: (ids: number[], ctx, args) => loadOrderConnections(ids, ctx, args),
      resolve: (c) => c.id,
    }),
  }),
});

builder.queryFields((t) => ({
  customer: t.field({
    type: CustomerRef,
    nullable: true,
    args: { id: t.arg.globalID({ required: true }) },
    resolve: (_root, args) => (args.id.typename === 'Customer' ? parseCustomerId(args.id.id) || null : null),
  }),
  customerByExternalId: t.field({
    type: CustomerRef,
    nullable: true,
    args: { externalId: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => (await customersByExternalIds(ctx.store, ctx.tenant, [args.externalId]))[0] ?? null,
  }),
  customers: t.connection({
    type: CustomerRef,
    description: 'Customers in the order they were added.',
    args: {
      search: t.arg.string({ description: 'Matches name, external id, email or handle (case-insensitive substring).' }),
      segment: t.arg.string({ description: 'Only customers now in this RFM segment (a name of `segmentMap`).' }),
      segmentMap: t.arg.string({ description: 'The map `segment` is named in. Default: `default`, the paper\'s map.' }),
      community: t.arg.id({ description: 'Only members of this community (an id from `network` or `Customer.community`).' }),
    },
    resolve: async (_root, args, ctx) => {
      checkPageArgs(args);
      let ids = args.segment == null ? null : await segmentCustomerIds(ctx, args.segment, args.segmentMap);
      if (args.community != null) {
        const members = new Set(await communityCustomerIds(ctx, String(args.community)));
        ids = ids === null ? [...members] : ids.filter((id) => members.has(id));
      }
      const filter = { search: args.search, ids };
      const customerOf = (value: unknown) => ctx.ids.storeId('Customer', value) || undefined;
      const connection = await resolveCursorConnection(
        { args, toCursor: (c: CustomerRow) => encodeCursor(ctx.ids.encode('Customer', c.id)), ...pageOptions },
        async ({ before, after, limit, inverted }: ResolveCursorConnectionArgs) => {
          const rows = await customerPage(ctx.store, ctx.tenant, filter, {
            afterId: after === undefined ? undefined : decodeCursor(after, customerOf),
            beforeId: before === undefined ? undefined : decodeCursor(before, customerOf),
            limit,
            inverted,
          });
          ctx.ids.prime('Customer', rows.map((c) => c.id));
          return rows;
        },
      );
      return { ...emptyPageCursors(connection), totalCount: () => customerCount(ctx.store, ctx.tenant, filter) };
    },
  }),
}));
