import type { Tx } from '../../store';
import type { CustomerRecord } from '../types';

type CustomerFields = Omit<CustomerRecord, 'externalId'>;

/**
 * Maps external ids to internal ids within one import, creating customers that rows name but the store lacks.
 * New customers are inserted in first-appearance order, so ids follow the data.
 */
export class CustomerResolver {
  readonly #ids = new Map<string, number>();
  /** Customers this resolver created. */
  created = 0;

  constructor(
    private readonly tx: Tx,
    private readonly tenant: string,
  ) {}

  get(externalId: string): number | undefined {
    return this.#ids.get(externalId);
  }

  /**
   * Resolves every external id named in `wanted` (in order), creating the missing ones with the fields given. One
   * statement looks up and creates, so a batch costs one round trip (they add up on a loaded machine).
   */
  async resolve(wanted: Map<string, CustomerFields | undefined>): Promise<number> {
    const missing = [...wanted.keys()].filter((id) => !this.#ids.has(id));
    if (!missing.length) return 0;
    const field = (key: keyof CustomerFields) => missing.map((id) => (wanted.get(id)?.[key] as string | null) ?? null);
    const rows = await this.tx.query<{ id: number; external_id: string; created: boolean }>(
      `WITH wanted AS (
         SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS u(e, n, h, m, c, o)),
       known AS (SELECT id, external_id FROM customers WHERE tenant_id = $1 AND external_id = ANY($2::text[])),
       created AS (
         INSERT INTO customers (tenant_id, external_id, name, handle, email, country)
         SELECT $1, e, n, h, m, c FROM wanted WHERE e NOT IN (SELECT external_id FROM known) ORDER BY o
         RETURNING id, external_id)
       SELECT id, external_id, false AS created FROM known
       UNION ALL SELECT id, external_id, true FROM created`,
      [this.tenant, missing, field('name'), field('handle'), field('email'), field('country')],
    );
    let created = 0;
    for (const row of rows) {
      this.#ids.set(row.external_id, row.id);
      if (row.created) created++;
    }
    this.created += created;
    return created;
  }
}

/**
 * Inserts or updates customers by external id. An update only happens when a field really changes, so re-importing
 * the same file writes nothing. Returns how many rows were inserted and updated.
 */
export async function upsertCustomers(tx: Tx, tenant: string, batch: CustomerRecord[]) {
  if (!batch.length) return { inserted: 0, updated: 0 };
  const records = mergeByExternalId(batch);
  const col = <K extends keyof CustomerRecord>(key: K) => records.map((r) => r[key] ?? null);
  const rows = await tx.query<{ inserted: boolean }>(
    `INSERT INTO customers AS c (tenant_id, external_id, name, handle, email, country, attributes)
     SELECT $1, e, n, h, m, k, a FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[])
       WITH ORDINALITY AS u(e, n, h, m, k, a, o) ORDER BY o
     ON CONFLICT (tenant_id, external_id) DO UPDATE SET
       name = coalesce(excluded.name, c.name), handle = coalesce(excluded.handle, c.handle),
       email = coalesce(excluded.email, c.email), country = coalesce(excluded.country, c.country),
       attributes = c.attributes || excluded.attributes
     WHERE (c.name, c.handle, c.email, c.country, c.attributes) IS DISTINCT FROM
       (coalesce(excluded.name, c.name), coalesce(excluded.handle, c.handle), coalesce(excluded.email, c.email),
        coalesce(excluded.country, c.country), c.attributes || excluded.attributes)
     RETURNING (xmax = 0) AS inserted`,
    [
      tenant,
      col('externalId'),
      col('name'),
      col('handle'),
      col('email'),
      col('country'),
      records.map((r) => JSON.stringify(r.attributes ?? {})),
    ],
  );
  const inserted = rows.filter((r) => r.inserted).length;
  return { inserted, updated: rows.length - inserted };
}

/** One record per external id (a row may not be updated twice in one statement); later non-empty fields win. */
function mergeByExternalId(batch: CustomerRecord[]): CustomerRecord[] {
  const merged = new Map<string, CustomerRecord>();
  for (const record of batch) {
    const prior = merged.get(record.externalId);
    if (!prior) {
      merged.set(record.externalId, record);
      continue;
    }
    merged.set(record.externalId, {
      externalId: record.externalId,
      name: record.name ?? prior.name,
      handle: record.handle ?? prior.handle,
      email: record.email ?? prior.email,
      country: record.country ?? prior.country,
      attributes: { ...prior.attributes, ...record.attributes },
    });
  }
  return [...merged.values()];
}
