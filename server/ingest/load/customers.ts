import type { Tx } from '../../store';
import type { CustomerRecord } from '../types';

type CustomerFields = Omit<CustomerRecord, 'externalId'>;

/** Up to this many customers, a tenant's ids are read once per import and new ids are given without a lookup. */
const PRELOAD_MAX = 200_000;
/** Ids reserved from the identity sequence by the first round trip (at least); each next one reserves twice as many. */
const RESERVE_BLOCK = 2_048;
/** Customers per INSERT when the queued ones are created. */
const CREATE_CHUNK = 10_000;

/**
 * Maps external ids to internal ids within one import, creating customers that rows name but the store lacks.
 * New customers are inserted in first-appearance order, so ids follow the data.
 *
 * A tenant of up to 200,000 customers is read once; its new customers then get ids reserved from the identity
 * sequence, so `prepare` needs no round trip and they are created together by `createQueued` when the caller is ready
 * (an order COPY runs on while they wait; order lines have no foreign key). Larger tenants are looked up batch by
 * batch, one statement creating and looking up together.
 */
export class CustomerResolver {
  readonly #ids = new Map<string, number>();
  /** Every customer of the tenant is in #ids (read at the start, or created here). */
  #complete: boolean | undefined;
  #spare: number[] = [];
  #block = RESERVE_BLOCK;
  #turn: Promise<unknown> = Promise.resolve();
  /** Customers given ids and not yet created, as the columns of their INSERT. */
  #queue: { ids: number[]; external: string[]; fields: (string | null)[][] } = { ids: [], external: [], fields: [[], [], [], []] };
  /** Customers this resolver created. */
  created = 0;

  constructor(
    private readonly tx: Tx,
    private readonly tenant: string,
    /** Read a tenant's ids at the start when it has at most this many customers. */
    private readonly preloadMax = PRELOAD_MAX,
  ) {}

  get(externalId: string): number | undefined {
    return this.#ids.get(externalId);
  }

  /** Whether `prepare(wanted)` needs no statement, so it may run while a COPY holds the transaction. */
  preparesLocally(wanted: Map<string, unknown>): boolean {
    let missing = 0;
    for (const id of wanted.keys()) if (!this.#ids.has(id)) missing++;
    return missing === 0 || (this.#complete === true && this.#spare.length >= missing);
  }

  /** Resolves every external id named in `wanted`, creating the missing customers before it returns. */
  async resolve(wanted: Map<string, CustomerFields | undefined>): Promise<void> {
    await this.prepare(wanted);
    await this.createQueued();
  }

  /**
   * Gives every external id in `wanted` its internal id (`get` answers from now on). Customers new to the tenant get
   * reserved ids and are queued: the caller runs `createQueued` before any statement that needs them as rows.
   */
  prepare(wanted: Map<string, CustomerFields | undefined>): Promise<void> {
    // One at a time: a batch's missing ids are those the batches before it did not already take.
    const turn = this.#turn.then(() => this.#prepare(wanted));
    this.#turn = turn.catch(() => {});
    return turn;
  }

  /** Creates the queued customers, in one statement per 10,000. */
  async createQueued(): Promise<void> {
    const queue = this.#queue;
    this.#queue = { ids: [], external: [], fields: [[], [], [], []] };
    for (let start = 0; start < queue.ids.length; start += CREATE_CHUNK) {
      const part = (column: unknown[]) => column.slice(start, start + CREATE_CHUNK);
      await this.tx.query(
        `INSERT INTO customers (tenant_id, id, external_id, name, handle, email, country) OVERRIDING SYSTEM VALUE
         SELECT $1, i, e, n, h, m, c FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
           AS u(i, e, n, h, m, c)`,
        [this.tenant, part(queue.ids), part(queue.external), ...queue.fields.map(part)],
      );
    }
  }

  async #prepare(wanted: Map<string, CustomerFields | undefined>): Promise<void> {
    if ([...wanted.keys()].every((id) => this.#ids.has(id))) return;
    this.#complete ??= await this.#preload();
    const missing = [...wanted.keys()].filter((id) => !this.#ids.has(id));
    if (!missing.length) return;
    if (!this.#complete) {
      await this.#lookUpAndCreate(missing, wanted);
      return;
    }
    const ids = await this.#reserve(missing.length);
    missing.forEach((external, i) => this.#ids.set(external, ids[i]!));
    this.created += missing.length;
    this.#queue.ids.push(...ids);
    this.#queue.external.push(...missing);
    fieldColumns(missing, wanted).forEach((column, i) => this.#queue.fields[i]!.push(...column));
  }

  /** Reads the tenant's ids when it has few enough customers; says whether it did. */
  async #preload(): Promise<boolean> {
    const [{ n }] = (await this.tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM customers WHERE tenant_id = $1`,
      [this.tenant],
    )) as [{ n: number }];
    if (n > this.preloadMax) return false;
    if (n === 0) return true;
    const rows = await this.tx.query<{ id: number; external_id: string }>(
      `SELECT id, external_id FROM customers WHERE tenant_id = $1`,
      [this.tenant],
    );
    for (const row of rows) this.#ids.set(row.external_id, row.id);
    return true;
  }

  /** `count` unused ids from the customers' identity sequence, increasing; reserved in blocks that double. */
  async #reserve(count: number): Promise<number[]> {
    if (this.#spare.length < count) {
      const rows = await this.tx.query<{ id: number }>(
        `SELECT nextval(pg_get_serial_sequence('customers', 'id')) AS id FROM generate_series(1, $1)`,
        [Math.max(this.#block, count - this.#spare.length)],
      );
      for (const row of rows) this.#spare.push(row.id);
      this.#block = Math.min(this.#block * 2, 65_536);
    }
    return this.#spare.splice(0, count);
  }

  /** One statement looks up and creates, so a batch costs one round trip (they add up on a loaded machine). */
  async #lookUpAndCreate(missing: string[], wanted: Map<string, CustomerFields | undefined>): Promise<void> {
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
      [this.tenant, missing, ...fieldColumns(missing, wanted)],
    );
    for (const row of rows) {
      this.#ids.set(row.external_id, row.id);
      if (row.created) this.created++;
    }
  }
}

/** The fields rows carry about the customers `ids`, as the columns name, handle, email, country. */
function fieldColumns(ids: string[], wanted: Map<string, CustomerFields | undefined>): (string | null)[][] {
  const field = (key: keyof CustomerFields) => ids.map((id) => (wanted.get(id)?.[key] as string | null) ?? null);
  return [field('name'), field('handle'), field('email'), field('country')];
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
