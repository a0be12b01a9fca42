import { copyText, type Tx } from '../../store';
import type { OrderRecord } from '../types';
import type { CustomerResolver } from './customers';
import type { DailyAccumulator } from './daily-accumulator';
import { wantedCustomers } from './wanted-customers';

const COLUMNS = [
  'tenant_id', 'invoice', 'line_no', 'customer_id', 'ordered_at', 'quantity', 'unit_price', 'amount',
  'product', 'description', 'cancelled',
] as const;

export async function tenantHasOrders(tx: Tx, tenant: string): Promise<boolean> {
  return (await tx.query(`SELECT 1 FROM orders WHERE tenant_id = $1 LIMIT 1`, [tenant])).length > 0;
}

/**
 * Writes a batch of order lines: lines whose (invoice, line) the store already holds are skipped, the rest are
 * bulk-loaded with COPY. Returns the lines written and the customers they touched.
 *
 * `previous` is the write of the batch before: this one's lines are formatted while it runs, and its statements are
 * sent the moment it ends, so on PostgreSQL the server goes from one COPY to the next without waiting for us.
 */
export async function insertOrders(
  tx: Tx,
  tenant: string,
  customers: CustomerResolver,
  batch: OrderRecord[],
  options: { checkExisting: boolean; daily?: DailyAccumulator; previous?: Promise<unknown> },
) {
  // Lines already stored are looked up once the batch before is in (an invoice can span two batches).
  if (options.checkExisting) await options.previous;
  const create = await customers.prepare(wantedCustomers(batch));
  // Into a tenant without orders there is nothing to look up, and a line the file repeats fails the COPY on the
  // primary key, which names it (see duplicateKey in import-rows.ts).
  const existing = options.checkExisting ? await existingLines(tx, tenant, batch) : null;
  const touched = new Set<number>();
  const t = copyText(tenant);
  let text = '';
  let inserted = 0;
  // Lines of one invoice share their time: format each distinct instant once.
  let lastMs = NaN;
  let lastIso = '';
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
    const ms = o.orderedAt.getTime();
    if (ms !== lastMs) {
      lastMs = ms;
      lastIso = o.orderedAt.toISOString();
    }
    // One template per line: bulk loads spend most of their time allocating, so no per-row arrays here.
    text +=
      `${t}\t${copyText(o.invoice)}\t${o.lineNo}\t${customerId ?? '\\N'}\t${lastIso}\t${num(o.quantity)}\t` +
      `${num(o.unitPrice)}\t${num(o.amount)}\t${copyText(o.product)}\t${copyText(o.description)}\t${o.cancelled ? 't' : 'f'}\n`;
    inserted++;
  }
  await options.previous;
  if (create) await create();
  if (inserted) await tx.copyIn('orders', COLUMNS, text);
  return { inserted, touched };
}

async function existingLines(tx: Tx, tenant: string, batch: OrderRecord[]): Promise<Set<string>> {
  const invoices = [...new Set(batch.map((o) => o.invoice))];
  const rows = await tx.query<{ invoice: string; line_no: number }>(
    `SELECT invoice, line_no FROM orders WHERE tenant_id = $1 AND invoice = ANY($2::text[])`,
    [tenant, invoices],
  );
  return new Set(rows.map((r) => lineKey(r.invoice, r.line_no)));
}

const lineKey = (invoice: string, line: number) => `${invoice}\u0000${line}`;

function num(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`rapport/ingest: cannot store the number ${value}`);
  return String(value);
}
