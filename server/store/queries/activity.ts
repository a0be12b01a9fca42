import type { Queryable } from '../store';

/**
 * What the analytics read: the per-customer daily aggregates kept on ingest (`customer_daily`, valid lines only)
 * and the tenant's data version. Never the order lines.
 */

export interface DailyActivityRow {
  customer_id: number;
  /** Days since 1970-01-01. */
  day: number;
  invoices: number;
  monetary: number;
  /** Seconds after the day's UTC midnight of the day's last valid order. */
  second: number;
}

export interface ActiveCustomerRow {
  id: number;
  external_id: string;
  country: string | null;
}

/** The tenant's data version (0 before its first write); bumped in the same transaction as every change. */
export async function tenantVersion(db: Queryable, tenant: string): Promise<number> {
  const [row] = await db.query<{ version: number }>(`SELECT version FROM tenant_versions WHERE tenant_id = $1`, [tenant]);
  return row?.version ?? 0;
}

/** Every (customer, day) row of the tenant, as numbers the engines take directly (no dates parsed in JS). */
export async function dailyActivityRows(db: Queryable, tenant: string): Promise<DailyActivityRow[]> {
  return db.query<DailyActivityRow & Record<string, unknown>>(
    `SELECT customer_id,
            day - DATE '1970-01-01' AS day,
            invoices,
            monetary::float8 AS monetary,
            (floor(extract(epoch FROM last_order_at)) - (day - DATE '1970-01-01') * 86400)::int AS second
     FROM customer_daily WHERE tenant_id = $1`,
    [tenant],
  );
}

/**
 * Customers with at least one valid order, in id order. Read after the daily rows: ingestion writes a customer's
 * stats and daily rows in one transaction, so every customer those rows name is here.
 */
export async function activeCustomers(db: Queryable, tenant: string): Promise<ActiveCustomerRow[]> {
  return db.query<ActiveCustomerRow & Record<string, unknown>>(
    `SELECT c.id, c.external_id, c.country
     FROM customer_stats s JOIN customers c ON c.tenant_id = s.tenant_id AND c.id = s.customer_id
     WHERE s.tenant_id = $1 ORDER BY c.id`,
    [tenant],
  );
}
