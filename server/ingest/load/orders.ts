import { BinaryRows, type CopyWriter, type Tx } from '../../store';
import type { OrderRecord } from '../types';
import type { CustomerResolver } from './customers';
import type { DailyAccumulator } from './daily-accumulator';
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
  readonly #rows = new BinaryRows();

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
      if (written.inserted) await this.tx.copyIn('orders', COLUMNS, written.rows, 'binary');
      return written;
    }
    if (!this.customers.preparesLocally(wanted)) await this.#close();
    await this.customers.prepare(wanted);
    const written = this.#format(batch, null);
    if (written.inserted) {
      this.#copy ??= await this.tx.openCopy('orders', COLUMNS, 'binary');
      await this.#copy.write(written.rows);
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

  /** The batch's lines as binary COPY rows (the database parses no numbers or times), less those `existing` holds. */
  #format(batch: OrderRecord[], existing: Set<string> | null): Written & { rows: Buffer } {
    const { customers, options, tenant } = this;
    const rows = this.#rows;
    const touched = new Set<number>();
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
      rows.row(COLUMNS.length).text(tenant).text(o.invoice).int4(o.lineNo).int8(customerId).timestamp(o.orderedAt)
        .numeric(o.quantity).numeric(o.unitPrice).numeric(o.amount).text(o.product).text(o.description).bool(o.cancelled);
    }
    const inserted = rows.count;
    return { rows: rows.take(), inserted, touched };
  }
}

async function existingLines(tx: Tx, tenant: string, batch: OrderRecord[]): Promise<Set<string>> {
  const invoices = [...new Set(batch.map((o) => o.invoice))];
  const found = await tx.query<{ invoice: string; line_no: number }>(
    `SELECT invoice, line_no FROM orders WHERE tenant_id = $1 AND invoice = ANY($2::text[])`,
    [tenant, invoices],
  );
  return new Set(found.map((r) => lineKey(r.invoice, r.line_no)));
}

const lineKey = (invoice: string, line: number) => `${invoice}\u0000${line}`;
