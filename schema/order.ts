import { offsetForArgs, resolveOffsetConnection } from '@pothos/plugin-relay';
import { orderCounts, ordersOfCustomers, type OrderRow } from '../server/store/queries/orders';
import { builder } from './builder';
import type { Context } from './context';
import { checkPageArgs, pageOptions } from './paging';

export const OrderRef = builder.objectRef<OrderRow>('Order').implement({
  description: 'One order line. Cancellations are kept and flagged.',
  fields: (t) => ({
    invoice: t.exposeString('invoice'),
    lineNo: t.exposeInt('line_no', { description: 'Position of the line within its invoice.' }),
    orderedAt: t.field({ type: 'DateTime', resolve: (o) => o.ordered_at }),
    quantity: t.exposeFloat('quantity'),
    unitPrice: t.exposeFloat('unit_price'),
    amount: t.exposeFloat('amount'),
    product: t.exposeString('product', { nullable: true }),
    description: t.exposeString('description', { nullable: true }),
    cancelled: t.exposeBoolean('cancelled'),
  }),
});

export const OrderConnection = builder.connectionObject({ type: OrderRef, name: 'CustomerOrdersConnection' });

/**
 * The order lines of a page of customers in one query: every customer in the page shares the paging arguments,
 * so one windowed query serves them all.
 */
export const loadOrderConnections = async (
  ids: readonly number[],
  ctx: Context,
  args: Parameters<typeof offsetForArgs>[0]['args'],
) => {
  checkPageArgs(args);
  const { offset, limit } = offsetForArgs({ args, ...pageOptions });
  const [rows, counts] = await Promise.all([
    ordersOfCustomers(ctx.store, ctx.tenant, ids, offset, limit),
    orderCounts(ctx.store, ctx.tenant, ids),
  ]);
  const byCustomer = new Map<number, OrderRow[]>();
  for (const row of rows) byCustomer.set(row.customer_id, [...(byCustomer.get(row.customer_id) ?? []), row]);
  const total = new Map(counts.map((c) => [c.customer_id, c.n]));
  return Promise.all(
    ids.map(async (id) => ({
      ...(await resolveOffsetConnection({ args, ...pageOptions }, () => byCustomer.get(id) ?? [])),
      totalCount: total.get(id) ?? 0,
    })),
  );
};
