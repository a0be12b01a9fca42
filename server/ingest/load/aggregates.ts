import type { Tx } from '../../store';
import { CUSTOMER_LINES } from '../../store/queries/orders';

/**
 * Recomputes the per-customer aggregates of the customers an import touched, from their order lines, inside the
 * import's transaction. Valid lines only (not cancelled, quantity > 0), as the RFM definition asks. Done per
 * touched customer rather than incrementally so a line added to an existing invoice can never double-count it.
 */
export async function refreshCustomerAggregates(tx: Tx, tenant: string, customerIds: readonly number[]): Promise<void> {
  if (!customerIds.length) return;
  const params = [tenant, customerIds];
  await tx.query(`DELETE FROM customer_daily WHERE tenant_id = $1 AND customer_id = ANY($2::bigint[])`, params);
  await tx.query(`DELETE FROM customer_stats WHERE tenant_id = $1 AND customer_id = ANY($2::bigint[])`, params);
  await tx.query(
    `INSERT INTO customer_daily (tenant_id, customer_id, day, invoices, monetary, first_order_at, last_order_at)
     SELECT $1, o.customer_id, (ordered_at AT TIME ZONE 'UTC')::date, count(DISTINCT o.invoice), sum(amount),
            min(ordered_at), max(ordered_at)
     FROM ${CUSTOMER_LINES} AND NOT cancelled AND quantity > 0
     GROUP BY 2, 3`,
    params,
  );
  // An invoice has one time, so it falls on one day: the per-day counts add up to the distinct invoices.
  await tx.query(
    `INSERT INTO customer_stats (tenant_id, customer_id, first_order_at, last_order_at, invoices, monetary)
     SELECT $1, customer_id, min(first_order_at), max(last_order_at), sum(invoices), sum(monetary)
     FROM customer_daily
     WHERE tenant_id = $1 AND customer_id = ANY($2::bigint[])
     GROUP BY 2`,
    params,
  );
}
