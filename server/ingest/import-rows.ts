import type { Store, Tx } from '../store';
import { bumpTenantVersion } from '../store/queries/tenant-version';
import { CustomerResolver, upsertCustomers } from './load/customers';
import { refreshCustomerAggregates } from './load/aggregates';
import { DailyAccumulator } from './load/daily-accumulator';
import { insertInteractions, type Classifier, type InsertedInteraction } from './load/interactions';
import { OrderWriter, tenantHasOrders } from './load/orders';
import { RelationshipWriter } from './load/relationships';
import { ImportError } from './errors';
import { ImportRejectedError } from './import-rejected';
import { inBatches } from './readers/flatten';
import type { ParsedRow, RecordKind, RecordOf, RowError } from './types';

export interface ImportOptions {
  tenant: string;
  /** Import the good rows and report the bad ones, instead of importing nothing when any row is bad. */
  skipInvalid?: boolean;
  /** Rows per bulk write. @default 5000 */
  batchSize?: number;
  /** Classifies interactions that arrive without a prediction. */
  classify?: Classifier;
  /** Shown in messages and recorded with the import. */
  sourceName?: string;
  format?: string;
}

export interface ImportSummary {
  kind: RecordKind;
  source: string;
  rowsRead: number;
  inserted: number;
  updated: number;
  /** Rows that repeated a tie named earlier in the same import and were added into it (relationships only). */
  merged: number;
  customersCreated: number;
  rejected: RowError[];
  /** The interactions this import added, for subscribers. */
  interactions: InsertedInteraction[];
}

/** Most bad rows kept for a report; past it only the count grows. */
const MAX_REPORTED = 1000;

/**
 * Writes a stream of parsed rows in ONE transaction: either every good row lands (with the per-customer
 * aggregates it changes and a record of the import) or, on any bad row without `skipInvalid`, nothing does.
 */
export async function importRows<K extends RecordKind>(
  store: Store,
  kind: K,
  rows: AsyncIterable<ParsedRow<RecordOf[K]>>,
  options: ImportOptions,
): Promise<ImportSummary> {
  const { tenant, skipInvalid = false, batchSize = 5_000 } = options;
  const source = options.sourceName ?? kind;
  return store.transaction(async (tx) => {
    await ensureTenant(tx, tenant);
    const customers = new CustomerResolver(tx, tenant);
    const summary: ImportSummary = {
      kind, source, rowsRead: 0, inserted: 0, updated: 0, merged: 0, customersCreated: 0, rejected: [], interactions: [],
    };
    const touched = new Set<number>();
    const checkExisting = kind !== 'orders' || (await tenantHasOrders(tx, tenant));
    // Into a tenant without orders, this import's lines are all there is: aggregate them as they stream by.
    const daily = checkExisting ? undefined : new DailyAccumulator();
    const orders = kind === 'orders' ? new OrderWriter(tx, tenant, customers, { checkExisting, daily }) : undefined;
    const ties = kind === 'relationships' ? new RelationshipWriter(tx, tenant, customers) : undefined;
    let rejectedCount = 0;
    let dailyText: string | null = null;
    let batch: RecordOf[K][] = [];
    // One batch is written while the next is read: on PostgreSQL the server's work overlaps our parsing.
    let writing: Promise<void> = Promise.resolve();
    const flush = async () => {
      if (!batch.length) return;
      const full = batch;
      batch = [];
      await writing;
      writing = writeBatch(tx, kind, tenant, customers, full, summary, touched, { classify: options.classify, orders, ties });
      writing.catch(() => {}); // surfaced by the next await
    };
    try {
      for await (const read of inBatches(rows)) {
        for (const row of read) {
          summary.rowsRead++;
          if ('error' in row) {
            if (rejectedCount++ < MAX_REPORTED) summary.rejected.push(row.error);
            continue;
          }
          if (rejectedCount && !skipInvalid) continue; // keep reading only to report every bad row
          batch.push(row.record);
          if (batch.length >= batchSize) await flush();
        }
      }
      if (rejectedCount && !skipInvalid) {
        await writing.catch(() => {});
        throw new ImportRejectedError(source, summary.rejected, rejectedCount);
      }
      await flush();
      await writing;
      if (ties) Object.assign(summary, await ties.end());
      // The database finishes the lines and creates the customers while the daily aggregates are formatted.
      const ending = orders?.end();
      dailyText = daily?.format(tenant) ?? null;
      await ending;
    } catch (err) {
      await writing.catch(() => {});
      await orders?.abort(); // an open COPY holds the connection the rollback needs
      throw err;
    }
    // A file of blank lines: a file-level refusal with its reason (a rejection without row errors would say nothing).
    if (summary.rowsRead === 0) throw new ImportError('EMPTY_FILE', `${source} holds no rows to import.`);
    summary.customersCreated = customers.created;
    if (daily) await daily.write(tx, tenant, dailyText);
    else await refreshCustomerAggregates(tx, tenant, [...touched]);
    if (summary.inserted || summary.updated || summary.customersCreated) await bumpTenantVersion(tx, tenant);
    await tx.query(
      `INSERT INTO imports (tenant_id, kind, format, source, rows_read, rows_inserted, rows_rejected)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [tenant, kind, options.format ?? 'records', source, summary.rowsRead, summary.inserted, rejectedCount],
    );
    return summary;
  }).catch((err: unknown) => {
    throw duplicateKey(err, source) ?? err;
  });
}

async function writeBatch<K extends RecordKind>(
  tx: Tx,
  kind: K,
  tenant: string,
  customers: CustomerResolver,
  batch: RecordOf[K][],
  summary: ImportSummary,
  touched: Set<number>,
  options: { classify?: Classifier; orders?: OrderWriter; ties?: RelationshipWriter },
): Promise<void> {
  switch (kind) {
    case 'customers': {
      const { inserted, updated } = await upsertCustomers(tx, tenant, batch as RecordOf['customers'][]);
      summary.inserted += inserted;
      summary.updated += updated;
      return;
    }
    case 'orders': {
      const result = await options.orders!.write(batch as RecordOf['orders'][]);
      summary.inserted += result.inserted;
      for (const id of result.touched) touched.add(id);
      return;
    }
    case 'interactions': {
      const added = await insertInteractions(tx, tenant, customers, batch as RecordOf['interactions'][], options.classify);
      summary.inserted += added.length;
      summary.interactions.push(...added);
      return;
    }
    case 'relationships': {
      await options.ties!.write(batch as RecordOf['relationships'][]);
      return;
    }
  }
}

export async function ensureTenant(tx: Tx, tenant: string): Promise<void> {
  await tx.query(`INSERT INTO tenants (id, name) VALUES ($1, $1) ON CONFLICT (id) DO NOTHING`, [tenant]);
}

/** A key the file repeats (PostgreSQL unique violation) becomes a rejected import with the key named. */
function duplicateKey(err: unknown, source: string): ImportRejectedError | null {
  const e = err as { code?: string; detail?: string };
  if (e?.code !== '23505') return null;
  const key = e.detail?.match(/\((.*)\)=\((.*)\)/);
  // The tenant is part of every key but not of what the user wrote.
  const [columns, values] = key ? [key[1]!.split(', '), key[2]!.split(', ')] : [[], []];
  if (columns[0] === 'tenant_id') columns.shift(), values.shift();
  const what = key ? ` (${columns.join(', ')} = ${values.join(', ')})` : '';
  return new ImportRejectedError(source, [], 1, `${source} names the same record twice${what}; nothing was imported.`);
}
