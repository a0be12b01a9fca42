import type { Queryable } from '../store';

export interface OrderRow {
  customer_id: number;
  invoice: string;
  line_no: number;
  ordered_at: Date;
  quantity: number;
  unit_price: number;
  amount: number;
  product: string | null;
  description: string | null;
  cancelled: boolean;
}

/**
 * Order lines of several customers at once, newest first, `offset`..`offset + limit` of each: one query for a
 * whole page of customers.
 */
export async function ordersOfCustomers(
  db: Queryable,
  tenant: string,
  customerIds: readonly number[],
  offset: number,
  limit: number,
): Promise<OrderRow[]> {
  return db.query<OrderRow & Record<string, unknown>>(
    `SELECT customer_id, invoice, line_no, ordered_at, quantity, unit_price, amount, product, description, cancelled
     FROM (
       SELECT o.*, row_number() OVER (PARTITION BY customer_id ORDER BY ordered_at DESC, invoice DESC, line_no) AS rn
       FROM orders o WHERE tenant_id = $1 AND customer_id = ANY($2::bigint[])
     ) ranked
     WHERE rn > $3 AND rn <= $3 + $4
     ORDER BY customer_id, rn`,
    [tenant, customerIds, offset, limit],
  );
}

export async function orderCounts(db: Queryable, tenant: string, customerIds: readonly number[]) {
  return db.query<{ customer_id: number; n: number }>(
    `SELECT customer_id, count(*)::int AS n FROM orders WHERE tenant_id = $1 AND customer_id = ANY($2::bigint[]) GROUP BY 1`,
    [tenant, customerIds],
  );
}
