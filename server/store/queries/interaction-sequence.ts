import type { Queryable } from '../store';

/**
 * The tenant's latest `Interaction.sequence`: interactions are numbered 1, 2, 3… per tenant in the order they were
 * written (whatever their `occurred_at`) — the ingestion sequence a client that lost its subscription catches up
 * from. 0 when the tenant has none.
 */
export async function lastSequenceOf(db: Queryable, tenant: string): Promise<number> {
  const [row] = await db.query<{ n: number | null }>(`SELECT max(sequence) AS n FROM interactions WHERE tenant_id = $1`, [tenant]);
  return row?.n ?? 0;
}
