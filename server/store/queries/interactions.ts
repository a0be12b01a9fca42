import type { Queryable } from '../store';

export interface InteractionRow {
  id: number;
  /** 1, 2, 3… per tenant, in the order the tenant's interactions were written. */
  sequence: number;
  external_id: string;
  channel: string;
  direction: string | null;
  occurred_at: Date;
  text: string;
  author: string | null;
  customer_id: number | null;
  gold_label: string | null;
  predicted_label: string | null;
  p_positive: number | null;
  p_neutral: number | null;
  p_negative: number | null;
  model_id: string | null;
}

export interface InteractionFilter {
  channel?: string | null;
  /** Predicted sentiment label. */
  sentiment?: string | null;
  customerId?: number | null;
  from?: Date | null;
  to?: Date | null;
  /** Only interactions written after the one with this `sequence` (ingestion order). */
  addedAfter?: number | null;
}

/** Position in the newest-first order: (occurred_at, id). */
export interface InteractionKey {
  at: Date;
  id: number;
}

const COLUMNS = `id, sequence, external_id, channel, direction, occurred_at, text, author, customer_id, gold_label,
  predicted_label, p_positive, p_neutral, p_negative, model_id`;

export async function interactionsByIds(db: Queryable, tenant: string, ids: readonly number[]): Promise<InteractionRow[]> {
  return db.query<InteractionRow & Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM interactions WHERE tenant_id = $1 AND id = ANY($2::bigint[])`,
    [tenant, ids],
  );
}

/** Newest first; `after` continues past a key, `before` pages back towards newer ones (then `inverted`). */
export async function interactionPage(
  db: Queryable,
  tenant: string,
  filter: InteractionFilter,
  page: { after?: InteractionKey; before?: InteractionKey; limit: number; inverted: boolean },
): Promise<InteractionRow[]> {
  const { where, params } = filterSql(tenant, filter);
  if (page.after) where.push(`(occurred_at, id) < ($${params.push(page.after.at)}, $${params.push(page.after.id)})`);
  if (page.before) where.push(`(occurred_at, id) > ($${params.push(page.before.at)}, $${params.push(page.before.id)})`);
  const dir = page.inverted ? 'ASC' : 'DESC';
  return db.query<InteractionRow & Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM interactions WHERE ${where.join(' AND ')}
     ORDER BY occurred_at ${dir}, id ${dir} LIMIT $${params.push(page.limit)}`,
    params,
  );
}

export async function interactionCount(db: Queryable, tenant: string, filter: InteractionFilter): Promise<number> {
  const { where, params } = filterSql(tenant, filter);
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM interactions WHERE ${where.join(' AND ')}`, params);
  return row!.n;
}

function filterSql(tenant: string, filter: InteractionFilter) {
  const params: unknown[] = [tenant];
  const where = ['tenant_id = $1'];
  if (filter.channel) where.push(`channel = $${params.push(filter.channel)}`);
  if (filter.sentiment) where.push(`predicted_label = $${params.push(filter.sentiment)}`);
  if (filter.customerId != null) where.push(`customer_id = $${params.push(filter.customerId)}`);
  if (filter.from) where.push(`occurred_at >= $${params.push(filter.from)}`);
  if (filter.to) where.push(`occurred_at < $${params.push(filter.to)}`);
  if (filter.addedAfter != null) where.push(`sequence > $${params.push(filter.addedAfter)}`);
  return { where, params };
}
