import { copyText, type CopyWriter, type Tx } from '../../store';
import type { OrderRecord } from '../types';
import type { CustomerResolver } from './customers';
import type { DailyAccumulator } from './daily-accumulator';
import { numberText } from './number-text';
import { InvoiceCustomers } from './order-invoices';
import { wantedCustomers } from './wanted-customers';

const COLUMNS = [
  'tenant_id', 'invoice', 'line_no', 'customer_id', 'ordered_at', 'quantity', 'unit_price', 'amount',
  'product', 'description', 'cancelled',
] as const;

export async function tenantHasOrders(tx: Tx, tenant: string): Promise<boolean> {
  return (await tx.query(`SELECT 1 FROM orders WHERE tenant_id = $1 LIMIT 1`, [tenant])).length > 0;
}

interface Written {
  inserted: number;
  /** The customers the lines written belong to. */
  touched: Set<number>;
}

/**
 * Writes one import's order lines, batch by batch.
 *
 * Into a tenant without orders there is nothing to look up, so one COPY stays open across batches: the database loads
 * lines while we read the next ones, with no statement between batches for it to wait on. It is closed only when the
 * customers need a statement (reading the tenant's ids, reserving more); the customers the lines name are created at
 * `end`, in the same transaction (order lines have no foreign key). A line the file repeats fails the COPY on the
 * primary key, which names it (see duplicateKey in import-rows.ts).
 *
 * Into a tenant with orders, each batch first skips the lines already stored, and is loaded with a COPY of its own.
 */
export class OrderWriter {
  #copy: CopyWriter | null = null;
  readonly #invoices = new InvoiceCustomers();

  constructor(
    private readonly tx: Tx,
    private readonly tenant: string,
    private readonly customers: CustomerResolver,
    private readonly options: { checkExisting: boolean; daily?: DailyAccumulator },
  ) {}

  async write(batch: OrderRecord[]): Promise<Written> {
    const wanted = wantedCustomers(batch);
    if (this.options.checkExisting) {
      await this.customers.resolve(wanted);
      const written = this.#format(batch, await existingLines(this.tx, this.tenant, batch));
      if (written.inserted) await this.tx.copyIn('orders', COLUMNS, written.text);
      return written;
    }
    if (!this.customers.preparesLocally(wanted)) await this.#close();
    await this.customers.prepare(wanted);
    const written = this.#format(batch, null);
    if (written.inserted) {
      this.#copy ??= await this.tx.openCopy('orders', COLUMNS);
      await this.#copy.write(written.text);
    }
    return written;
  }

  /** Ends the COPY, creates the customers the lines named and records which invoices are theirs. */
  async end(): Promise<void> {
    await this.#close();
    await this.customers.createQueued();
    await this.#invoices.write(this.tx, this.tenant, !this.options.checkExisting);
  }

  /** Gives up an open COPY (the import failed), so the transaction can roll back. */
  async abort(): Promise<void> {
    const copy = this.#copy;
    this.#copy = null;
    await copy?.abort();
  }

  async #close(): Promise<void> {
    const copy = this.#copy;
    this.#copy = null;
    await copy?.end();
  }

  #format(batch: OrderRecord[], existing: Set<string> | null): Written & { text: string } {
    const { customers, options } = this;
    const touched = new Set<number>();
    const t = copyText(this.tenant);
    let text = '';
    let inserted = 0;
    // Lines of one invoice share their time: format each distinct instant once.
    let lastMs = NaN;
    let lastIso = '';
    let lastExternal: string | null | undefined;
    let lastCustomer: number | null = null;
    for (const o of batch) {
      if (existing !== null) {
        const key = lineKey(o.invoice, o.lineNo);
        if (existing.has(key)) continue;
        existing.add(key);
      }
      // The lines of an invoice name one customer: look it up once for them.
      if (o.customerExternalId !== lastExternal) {
        lastExternal = o.customerExternalId;
        lastCustomer = lastExternal === null ? null : customers.get(lastExternal)!;
      }
      const customerId = lastCustomer;
      if (customerId !== null) {
        touched.add(customerId);
        this.#invoices.note(o.invoice, customerId);
        options.daily?.add(customerId, o);
      }
      const ms = o.orderedAt.getTime();
      if (ms !== lastMs) {
        lastMs = ms;
        lastIso = o.orderedAt.toISOString();
      }
      // One template per line: bulk loads spend most of their time allocating, so no per-row arrays here.
      text +=
        `${t}\t${copyText(o.invoice)}\t${o.lineNo}\t${customerId ?? '\\N'}\t${lastIso}\t${numberText(o.quantity)}\t` +
        `${numberText(o.unitPrice)}\t${numberText(o.amount)}\t${copyText(o.product)}\t${copyText(o.description)}\t${o.cancelled ? 't' : 'f'}\n`;
      inserted++;
    }
    return { text, inserted, touched };
  }
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
