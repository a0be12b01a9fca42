import type { Tx } from '../../store';
import { copyText } from '../../store/copy-text';
import type { CustomerRecord, OrderRecord } from '../types';
import type { CustomerResolver } from './customers';
import type { DailyAccumulator } from './daily-accumulator';
import { wantedCustomers } from './wanted-customers';

// customer_id last: the import worker formats the rest of a line, and only the thread holding the transaction
// knows customer ids.
const COLUMNS = [
  'tenant_id', 'invoice', 'line_no', 'ordered_at', 'quantity', 'unit_price', 'amount',
  'product', 'description', 'cancelled', 'customer_id',
] as const;

/** Order lines in COPY text but for the customer id: what the import worker sends per batch. */
export interface FormattedOrders {
  /** Every column but the last (customer_id), each line ending in a tab. */
  lines: string[];
  /** Per line, the customer's ordinal in first-appearance order within the import, or -1 for a guest order. */
  customers: Int32Array;
  /** The customers this batch names first (ordinals continue from the previous batch), with their fields. */
  newCustomers: [string, Omit<CustomerRecord, 'externalId'> | undefined][];
  /** Per line, its (invoice, line) key, and the batch's distinct invoices: only when existing lines are skipped. */
  keys?: string[];
  invoices?: string[];
}

/** Formats order lines as COPY text up to the customer id, each distinct instant once (lines of an invoice share it). */
export class OrderLineFormatter {
  readonly #tenant: string;
  #lastMs = NaN;
  #lastIso = '';

  constructor(tenant: string) {
    this.#tenant = copyText(tenant);
  }

  line(o: OrderRecord): string {
    const ms = o.orderedAt.getTime();
    if (ms !== this.#lastMs) {
      this.#lastMs = ms;
      this.#lastIso = o.orderedAt.toISOString();
    }
    // One template per line: bulk loads spend most of their time allocating, so no per-row arrays here.
    return (
      `${this.#tenant}\t${copyText(o.invoice)}\t${o.lineNo}\t${this.#lastIso}\t${num(o.quantity)}\t${num(o.unitPrice)}\t` +
      `${num(o.amount)}\t${copyText(o.product)}\t${copyText(o.description)}\t${o.cancelled ? 't' : 'f'}\t`
    );
  }
}

/**
 * Writes a batch of order lines: lines whose (invoice, line) the store already holds are skipped, the rest are
 * bulk-loaded with COPY. Returns the lines written and the customers they touched.
 */
export async function tenantHasOrders(tx: Tx, tenant: string): Promise<boolean> {
  return (await tx.query(`SELECT 1 FROM orders WHERE tenant_id = $1 LIMIT 1`, [tenant])).length > 0;
}

export async function insertOrders(
  tx: Tx,
  tenant: string,
  customers: CustomerResolver,
  batch: OrderRecord[],
  options: { checkExisting: boolean; daily?: DailyAccumulator },
) {
  await customers.resolve(wantedCustomers(batch));
  // Into a tenant without orders there is nothing to look up, and a line the file repeats fails the COPY on the
  // primary key, which names it (see duplicateKey in import-rows.ts).
  const existing = options.checkExisting ? await existingLines(tx, tenant, batch) : null;
  const touched = new Set<number>();
  const format = new OrderLineFormatter(tenant);
  let text = '';
  let inserted = 0;
  for (const o of batch) {
    if (existing !== null) {
      const key = lineKey(o.invoice, o.lineNo);
      if (existing.has(key)) continue;
      existing.add(key);
    }
    const customerId = o.customerExternalId === null ? null : customers.get(o.customerExternalId)!;
    if (customerId !== null) {
      touched.add(customerId);
      options.daily?.add(customerId, o);
    }
    text += `${format.line(o)}${customerId ?? '\\N'}\n`;
    inserted++;
  }
  if (inserted) await tx.copyIn('orders', COLUMNS, text);
  return { inserted, touched };
}

/**
 * Writes a batch the import worker formatted: creates the customers it names first (`ids` maps ordinals to ids and
 * grows), skips lines the store holds when the batch carries keys, and appends each line's customer id.
 */
export async function insertFormattedOrders(
  tx: Tx,
  tenant: string,
  customers: CustomerResolver,
  batch: FormattedOrders,
  ids: number[],
) {
  if (batch.newCustomers.length) {
    await customers.resolve(new Map(batch.newCustomers));
    for (const [externalId] of batch.newCustomers) ids.push(customers.get(externalId)!);
  }
  const { lines, customers: ordinals, keys } = batch;
  const existing = keys ? await existingKeys(tx, tenant, batch.invoices!) : null;
  const touched = new Set<number>();
  let text = '';
  let inserted = 0;
  for (let i = 0; i < lines.length; i++) {
    if (existing !== null) {
      if (existing.has(keys![i]!)) continue;
      existing.add(keys![i]!);
    }
    const c = ordinals[i]!;
    if (c < 0) text += `${lines[i]}\\N\n`;
    else {
      if (existing !== null) touched.add(ids[c]!);
      text += `${lines[i]}${ids[c]}\n`;
    }
    inserted++;
  }
  if (inserted) await tx.copyIn('orders', COLUMNS, text);
  return { inserted, touched };
}

function existingLines(tx: Tx, tenant: string, batch: OrderRecord[]): Promise<Set<string>> {
  return existingKeys(tx, tenant, [...new Set(batch.map((o) => o.invoice))]);
}

async function existingKeys(tx: Tx, tenant: string, invoices: string[]): Promise<Set<string>> {
  const rows = await tx.query<{ invoice: string; line_no: number }>(
    `SELECT invoice, line_no FROM orders WHERE tenant_id = $1 AND invoice = ANY($2::text[])`,
    [tenant, invoices],
  );
  return new Set(rows.map((r) => lineKey(r.invoice, r.line_no)));
}

export const lineKey = (invoice: string, line: number) => `${invoice}\u0000${line}`;

function num(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`rapport/ingest: cannot store the number ${value}`);
  return String(value);
}
