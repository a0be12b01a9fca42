import type { Queryable } from '../store';

/**
 * What the network analytics read, each as one aggregated text value (one line per record) rather than rows:
 * PGlite builds a JS object per row field by field, which dominates at tens of thousands of ties.
 *
 * Tie lines: `source_id,target_id,directed,weight,first_seen,last_seen` — ids are `customers.id`, directed is 1/0,
 * times are whole epoch seconds or empty when unknown.
 */

/** Kinds whose ties point one way; any other kind (colleague, unknown kinds) is mutual. */
export const DIRECTED_KINDS = ['follows', 'mentions', 'replies', 'referral'] as const;

const epoch = (column: string) => `coalesce(floor(date_part('epoch', ${column}))::bigint::text, '')`;
const directed = (column: string) => `CASE WHEN ${column} = ANY($2::text[]) THEN 1 ELSE 0 END`;

/** The tenant's stored relationships. */
export async function relationshipTieText(db: Queryable, tenant: string): Promise<string> {
  const [row] = await db.query<{ ties: string | null }>(
    `SELECT string_agg(concat_ws(',', source_id, target_id, ${directed('kind')}, weight,
              ${epoch('first_seen')}, ${epoch('last_seen')}), E'\\n') AS ties
     FROM relationships WHERE tenant_id = $1`,
    [tenant, DIRECTED_KINDS],
  );
  return row?.ties ?? '';
}

/**
 * Ties derived from interactions between known customers: a social or chat text that @mentions another
 * customer's handle (case-insensitive) is a `mentions` tie, an interaction whose `attributes.inReplyTo` names
 * another customer's interaction a `replies` tie; weight = count, seen from the first to the last occurrence.
 * A pair already stored as a relationship of the same kind is skipped: CRMs that export mention and reply ties
 * derive them from the same posts, and counting the evidence twice would double those ties.
 */
export async function interactionTieText(db: Queryable, tenant: string): Promise<string> {
  const [row] = await db.query<{ ties: string | null }>(
    `WITH handles AS MATERIALIZED (
       SELECT lower(handle) AS handle, id FROM customers WHERE tenant_id = $1 AND handle IS NOT NULL
     ), mentioned AS MATERIALIZED (
       SELECT i.customer_id AS s, lower(h.parts[1]) AS handle, i.occurred_at
       FROM interactions i
       CROSS JOIN LATERAL regexp_matches(i.text, '@([A-Za-z0-9_]+(?:[.-][A-Za-z0-9_]+)*)', 'g') AS h(parts)
       WHERE i.tenant_id = $1 AND i.channel IN ('social', 'chat') AND i.customer_id IS NOT NULL
         AND strpos(i.text, '@') > 0
     ), replying AS MATERIALIZED (
       SELECT customer_id AS s, attributes->>'inReplyTo' AS parent, occurred_at
       FROM interactions WHERE tenant_id = $1 AND customer_id IS NOT NULL AND attributes ? 'inReplyTo'
     ), derived AS (
       SELECT m.s, c.id AS t, 'mentions' AS kind, m.occurred_at FROM mentioned m JOIN handles c USING (handle)
       UNION ALL
       SELECT r.s, (SELECT p.customer_id FROM interactions p WHERE p.tenant_id = $1 AND p.external_id = r.parent), 'replies', r.occurred_at
       FROM replying r
     ), pairs AS (
       SELECT s, t, kind, count(*) AS n, min(occurred_at) AS first_at, max(occurred_at) AS last_at
       FROM derived d
       WHERE t IS NOT NULL AND s <> t AND NOT EXISTS (
         SELECT 1 FROM relationships r WHERE r.tenant_id = $1 AND r.source_id = d.s AND r.target_id = d.t AND r.kind = d.kind)
       GROUP BY s, t, kind
     )
     SELECT string_agg(concat_ws(',', s, t, ${directed('kind')}, n, ${epoch('first_at')}, ${epoch('last_at')}), E'\\n') AS ties
     FROM pairs`,
    [tenant, DIRECTED_KINDS],
  );
  return row?.ties ?? '';
}

/**
 * Per customer with anything to say: `customer_id,interactions,positive,negative,labelled,monetary`.
 * Labels are the model's prediction, else the source's gold label (a CRM import may carry only the latter).
 */
export async function nodeAttributeText(db: Queryable, tenant: string): Promise<string> {
  const [row] = await db.query<{ attrs: string | null }>(
    `WITH i AS (
       SELECT customer_id, count(*) AS n,
         count(*) FILTER (WHERE coalesce(predicted_label, gold_label) = 'positive') AS pos,
         count(*) FILTER (WHERE coalesce(predicted_label, gold_label) = 'negative') AS neg,
         count(coalesce(predicted_label, gold_label)) AS lab
       FROM interactions WHERE tenant_id = $1 AND customer_id IS NOT NULL GROUP BY customer_id
     )
     SELECT string_agg(concat_ws(',', coalesce(i.customer_id, s.customer_id), coalesce(i.n, 0), coalesce(i.pos, 0),
              coalesce(i.neg, 0), coalesce(i.lab, 0), coalesce(s.monetary, 0)), E'\\n') AS attrs
     FROM i FULL JOIN (SELECT customer_id, monetary FROM customer_stats WHERE tenant_id = $1) s
       ON s.customer_id = i.customer_id`,
    [tenant],
  );
  return row?.attrs ?? '';
}

/**
 * Per customer and UTC month, for group evolution: `customer_id,month_start,interactions,positive,negative,
 * labelled,monetary` (month_start in epoch seconds; monetary from the daily order aggregates).
 */
export async function monthlyActivityText(db: Queryable, tenant: string): Promise<string> {
  const [row] = await db.query<{ months: string | null }>(
    `WITH m AS (
       SELECT customer_id, date_trunc('month', occurred_at AT TIME ZONE 'UTC') AS month, count(*) AS n,
         count(*) FILTER (WHERE coalesce(predicted_label, gold_label) = 'positive') AS pos,
         count(*) FILTER (WHERE coalesce(predicted_label, gold_label) = 'negative') AS neg,
         count(coalesce(predicted_label, gold_label)) AS lab, 0 AS monetary
       FROM interactions WHERE tenant_id = $1 AND customer_id IS NOT NULL GROUP BY 1, 2
       UNION ALL
       SELECT customer_id, date_trunc('month', day::timestamp), 0, 0, 0, 0, sum(monetary)
       FROM customer_daily WHERE tenant_id = $1 GROUP BY 1, 2
     )
     SELECT string_agg(concat_ws(',', customer_id, floor(date_part('epoch', month))::bigint, n, pos, neg, lab, monetary), E'\\n') AS months
     FROM m`,
    [tenant],
  );
  return row?.months ?? '';
}
