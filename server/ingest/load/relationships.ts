import { copyLine, type Tx } from '../../store';
import { DIRECTED_KINDS } from '../../store/queries/network';
import type { RelationshipRecord } from '../types';
import type { CustomerResolver } from './customers';

/** Per import, in the import's transaction; `tenant_id` because a tenant-scoped COPY must carry it. */
const STAGE = 'rapport_tie_stage';
const COLUMNS = ['tenant_id', 'seq', 'source_id', 'target_id', 'kind', 'weight', 'first_seen', 'last_seen'] as const;

export interface TieCounts {
  /** Ties new to the tenant. */
  inserted: number;
  /** Stored ties whose weight or first/last sighting this import changed. */
  updated: number;
  /** Rows that named a tie an earlier row of the same import named, and were added into it. */
  merged: number;
}

const DIRECTED: ReadonlySet<string> = new Set(DIRECTED_KINDS);

/**
 * Writes an import's ties. A tie is keyed by its ends and kind: a directed kind (follows, mentions, replies,
 * referral) as written, a mutual one (colleague, any other kind) from the smaller customer id to the larger, so
 * `b a colleague` names the stored `a b colleague` (migration 008 put the older rows that way). Within one import the rows naming the same tie add up — weights summed, first seen the earliest,
 * last seen the latest — and the result replaces the stored tie's weight and widens its span, so a re-sent tie with a
 * newer sighting or another weight is refreshed and the same file twice changes nothing.
 *
 * Rows are staged as they come (one COPY per batch into a temporary table, so Node holds one batch, whatever the
 * file's size) and merged into `relationships` by one statement at the end: PostgreSQL's `ON CONFLICT DO UPDATE`
 * cannot touch a row twice, so repeats, which may lie batches apart, are summed before the upsert.
 */
export class RelationshipWriter {
  #rows = 0;

  constructor(
    private readonly tx: Tx,
    private readonly tenant: string,
    private readonly customers: CustomerResolver,
  ) {}

  /** Stages a batch of ties, creating the customers they name. */
  async write(batch: RelationshipRecord[]): Promise<void> {
    const wanted = new Map<string, undefined>();
    for (const r of batch) wanted.set(r.sourceExternalId, undefined).set(r.targetExternalId, undefined);
    await this.customers.resolve(wanted);
    if (this.#rows === 0) {
      await this.tx.query(
        `CREATE TEMP TABLE ${STAGE} (tenant_id text, seq integer, source_id bigint, target_id bigint, kind text,
           weight double precision, first_seen timestamptz, last_seen timestamptz) ON COMMIT DROP`,
      );
    }
    let text = '';
    for (const r of batch) {
      let [source, target] = [this.customers.get(r.sourceExternalId)!, this.customers.get(r.targetExternalId)!];
      if (!DIRECTED.has(r.kind) && source > target) [source, target] = [target, source];
      text += copyLine([this.tenant, this.#rows++, source, target, r.kind, r.weight, r.firstSeen ?? null, r.lastSeen ?? null]);
    }
    await this.tx.copyIn(STAGE, COLUMNS, text);
  }

  /** Merges the staged ties into the store; counts a stored tie as updated only when a value really changes. */
  async end(): Promise<TieCounts> {
    if (this.#rows === 0) return { inserted: 0, updated: 0, merged: 0 };
    // Ties go in the order of their first row, as the file listed them (the engines' edge order follows it).
    const [counts] = await this.tx.query<{ ties: number; inserted: number; updated: number }>(
      `WITH ties AS MATERIALIZED (
         SELECT source_id, target_id, kind, sum(weight) AS weight, min(first_seen) AS first_seen,
           max(last_seen) AS last_seen, min(seq) AS seq
         FROM ${STAGE} GROUP BY source_id, target_id, kind
       ), written AS (
         INSERT INTO relationships AS r (tenant_id, source_id, target_id, kind, weight, first_seen, last_seen)
         SELECT $1, source_id, target_id, kind, weight, first_seen, last_seen FROM ties ORDER BY seq
         ON CONFLICT (tenant_id, source_id, target_id, kind) DO UPDATE
           SET weight = excluded.weight, first_seen = least(r.first_seen, excluded.first_seen),
             last_seen = greatest(r.last_seen, excluded.last_seen)
           WHERE (r.weight, r.first_seen, r.last_seen) IS DISTINCT FROM
             (excluded.weight, least(r.first_seen, excluded.first_seen), greatest(r.last_seen, excluded.last_seen))
         RETURNING r.xmax = 0 AS fresh
       )
       SELECT (SELECT count(*) FROM ties)::int AS ties, count(*) FILTER (WHERE fresh)::int AS inserted,
         count(*) FILTER (WHERE NOT fresh)::int AS updated
       FROM written`,
      [this.tenant],
    );
    await this.tx.query(`DROP TABLE ${STAGE}`);
    const { ties, inserted, updated } = counts!;
    const rows = this.#rows;
    this.#rows = 0;
    return { inserted, updated, merged: rows - ties };
  }
}
