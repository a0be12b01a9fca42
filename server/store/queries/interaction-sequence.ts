import type { Queryable } from '../store';

/**
 * The tenant's latest interaction id: ids are an identity column, so they follow the order interactions were
 * written (whatever their `occurred_at`) — the ingestion sequence a client that lost its subscription catches up
 * from. 0 when the tenant has none.
 */
export async function latestInteractionId(db: Queryable, tenant: string): Promise<number> {
  const [row] = await db.query<{ id: number | null }>(`SELECT max(id)::float8 AS id FROM interactions WHERE tenant_id = $1`, [tenant]);
  return row?.id ?? 0;
}
