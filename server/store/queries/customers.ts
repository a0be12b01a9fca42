import type { Queryable } from '../store';

export interface CustomerRow {
  id: number;
  external_id: string;
  name: string | null;
  handle: string | null;
  email: string | null;
  country: string | null;
  attributes: Record<string, unknown>;
  created_at: Date;
}

export interface CustomerStatsRow {
  customer_id: number;
  first_order_at: Date;
  last_order_at: Date;
  invoices: number;
  monetary: number;
}

export interface CustomerFilter {
  search?: string | null;
  /** Restricts to these ids (e.g. the members of a segment or a community). */
  ids?: readonly number[] | null;
}

const COLUMNS = 'id, external_id, name, handle, email, country, attributes, created_at';

export async function customersByIds(db: Queryable, tenant: string, ids: readonly number[]): Promise<CustomerRow[]> {
  return db.query<CustomerRow & Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM customers WHERE tenant_id = $1 AND id = ANY($2::bigint[])`,
    [tenant, ids],
  );
}

export async function customersByExternalIds(db: Queryable, tenant: string, ids: readonly string[]): Promise<CustomerRow[]> {
  return db.query<CustomerRow & Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM customers WHERE tenant_id = $1 AND external_id = ANY($2::text[])`,
    [tenant, ids],
  );
}

export async function statsByCustomerIds(db: Queryable, tenant: string, ids: readonly number[]): Promise<CustomerStatsRow[]> {
  return db.query<CustomerStatsRow & Record<string, unknown>>(
    `SELECT customer_id, first_order_at, last_order_at, invoices, monetary
     FROM customer_stats WHERE tenant_id = $1 AND customer_id = ANY($2::bigint[])`,
    [tenant, ids],
  );
}

/** A page of customers in id order after `afterId` (keyset pagination), `limit` rows at most. */
export async function customerPage(
  db: Queryable,
  tenant: string,
  filter: CustomerFilter,
  page: { afterId?: number; beforeId?: number; limit: number; inverted: boolean },
): Promise<CustomerRow[]> {
  const { where, params } = filterSql(tenant, filter);
  if (page.afterId !== undefined) where.push(`id > $${params.push(page.afterId)}`);
  if (page.beforeId !== undefined) where.push(`id < $${params.push(page.beforeId)}`);
  return db.query<CustomerRow & Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM customers WHERE ${where.join(' AND ')}
     ORDER BY id ${page.inverted ? 'DESC' : 'ASC'} LIMIT $${params.push(page.limit)}`,
    params,
  );
}

export async function customerCount(db: Queryable, tenant: string, filter: CustomerFilter): Promise<number> {
  const { where, params } = filterSql(tenant, filter);
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM customers WHERE ${where.join(' AND ')}`, params);
  return row!.n;
}

function filterSql(tenant: string, filter: CustomerFilter) {
  const params: unknown[] = [tenant];
  const where = ['tenant_id = $1'];
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const p = params.push(pattern);
    where.push(`(name ILIKE $${p} OR external_id ILIKE $${p} OR email ILIKE $${p} OR handle ILIKE $${p})`);
  }
  if (filter.ids) where.push(`id = ANY($${params.push(filter.ids)}::bigint[])`);
  return { where, params };
}
