import type { Queryable } from '../store';

/**
 * What the analytics read: the per-customer daily aggregates kept on ingest (`customer_daily`, valid lines only)
 * and the tenant's data version. Never the order lines.
 *
 * Both reads come back as one aggregated value rather than a row per record: PGlite builds a JS object per row at
 * several µs a field, so 17k daily rows took ≈ 220 ms as rows and ≈ 50 ms as one text on Online Retail.
 */

/** The tenant's data version (0 before its first write); bumped in the same transaction as every change. */
export async function tenantVersion(db: Queryable, tenant: string): Promise<number> {
  const [row] = await db.query<{ version: number }>(`SELECT version FROM tenant_versions WHERE tenant_id = $1`, [tenant]);
  return row?.version ?? 0;
}

/**
 * Every (customer, day) row of the tenant as text, one line each: `customer_id,day,invoices,monetary,last_at`,
 * where day counts days since 1970-01-01 and last_at is the day's last valid order in whole epoch seconds.
 * Empty string when the tenant has no activity.
 */
export async function dailyActivityText(db: Queryable, tenant: string): Promise<string> {
  const [row] = await db.query<{ t: string | null }>(
    `SELECT string_agg(concat_ws(',', customer_id, day - DATE '1970-01-01', invoices, monetary,
                                 floor(extract(epoch FROM last_order_at))::bigint), E'\\n') AS t
     FROM customer_daily WHERE tenant_id = $1`,
    [tenant],
  );
  return row?.t ?? '';
}

/** [id, external id, country] */
export type ActiveCustomer = [id: number, externalId: string, country: string | null];

/**
 * Customers with at least one valid order, in id order. Read after the daily rows: ingestion writes a customer's
 * stats and daily rows in one transaction, so every customer those rows name is here.
 */
export async function activeCustomers(db: Queryable, tenant: string): Promise<ActiveCustomer[]> {
  const [row] = await db.query<{ c: ActiveCustomer[] | null }>(
    `SELECT json_agg(json_build_array(c.id, c.external_id, c.country) ORDER BY c.id) AS c
     FROM customer_stats s JOIN customers c ON c.tenant_id = s.tenant_id AND c.id = s.customer_id
     WHERE s.tenant_id = $1`,
    [tenant],
  );
  return row?.c ?? [];
}
