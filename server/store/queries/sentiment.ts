import type { Queryable } from '../store';

export type SentimentGroupBy = 'DAY' | 'WEEK' | 'MONTH' | 'CHANNEL' | 'CUSTOMER';

export interface SentimentGroupRow {
  key: string;
  positive: number;
  neutral: number;
  negative: number;
  unclassified: number;
}

export interface SentimentFilter {
  from?: Date | null;
  to?: Date | null;
  channel?: string | null;
}

const KEY: Record<SentimentGroupBy, string> = {
  DAY: `to_char(date_trunc('day', occurred_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD')`,
  WEEK: `to_char(date_trunc('week', occurred_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD')`,
  MONTH: `to_char(date_trunc('month', occurred_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD')`,
  CHANNEL: `channel`,
  CUSTOMER: `customer_id::text`,
};

/** Counts of predicted labels per group (time bucket start, channel or customer id), in key order. */
export async function sentimentByGroup(
  db: Queryable,
  tenant: string,
  groupBy: SentimentGroupBy,
  filter: SentimentFilter,
): Promise<SentimentGroupRow[]> {
  const params: unknown[] = [tenant];
  const where = ['tenant_id = $1'];
  if (groupBy === 'CUSTOMER') where.push('customer_id IS NOT NULL');
  if (filter.from) where.push(`occurred_at >= $${params.push(filter.from)}`);
  if (filter.to) where.push(`occurred_at < $${params.push(filter.to)}`);
  if (filter.channel) where.push(`channel = $${params.push(filter.channel)}`);
  return db.query<SentimentGroupRow & Record<string, unknown>>(
    `SELECT ${KEY[groupBy]} AS key,
       count(*) FILTER (WHERE predicted_label = 'positive')::int AS positive,
       count(*) FILTER (WHERE predicted_label = 'neutral')::int AS neutral,
       count(*) FILTER (WHERE predicted_label = 'negative')::int AS negative,
       count(*) FILTER (WHERE predicted_label IS NULL)::int AS unclassified
     FROM interactions WHERE ${where.join(' AND ')}
     GROUP BY 1 ORDER BY 1`,
    params,
  );
}

export interface CustomerSentimentRow {
  customer_id: number;
  positive: number;
  neutral: number;
  negative: number;
  /** Net sentiment over the customer's last 90 days of interactions, and over the 90 days before. */
  recent_net: number | null;
  prior_net: number | null;
  last_at: Date;
}

/** Per-customer label counts and the two windows of the trend, for a page of customers in one query. */
export async function sentimentOfCustomers(db: Queryable, tenant: string, ids: readonly number[]): Promise<CustomerSentimentRow[]> {
  return db.query<CustomerSentimentRow & Record<string, unknown>>(
    `WITH i AS (
       SELECT customer_id, predicted_label AS l, occurred_at,
              max(occurred_at) OVER (PARTITION BY customer_id) AS last_at
       FROM interactions WHERE tenant_id = $1 AND customer_id = ANY($2::bigint[]) AND predicted_label IS NOT NULL
     ), w AS (
       SELECT *, CASE WHEN occurred_at > last_at - interval '90 days' THEN 'recent'
                      WHEN occurred_at > last_at - interval '180 days' THEN 'prior' END AS win,
                 CASE l WHEN 'positive' THEN 1 WHEN 'negative' THEN -1 ELSE 0 END AS s
       FROM i
     )
     SELECT customer_id,
       count(*) FILTER (WHERE l = 'positive')::int AS positive,
       count(*) FILTER (WHERE l = 'neutral')::int AS neutral,
       count(*) FILTER (WHERE l = 'negative')::int AS negative,
       avg(s) FILTER (WHERE win = 'recent')::float8 AS recent_net,
       avg(s) FILTER (WHERE win = 'prior')::float8 AS prior_net,
       max(last_at) AS last_at
     FROM w GROUP BY customer_id`,
    [tenant, ids],
  );
}
