import { copyText, type Tx } from '../../store';

const COLUMNS = ['tenant_id', 'invoice', 'customer_id'] as const;
/** Pairs per INSERT statement, so its two array parameters stay a few hundred kilobytes. */
const CHUNK = 10_000;

/**
 * The (invoice, customer) pairs of the order lines an import writes, for `order_invoices` (migration 006), which is
 * how a customer's lines are found. Lines of one invoice come together, so a line usually costs two comparisons;
 * memory grows with the import's invoices, as the line counter's does.
 */
export class InvoiceCustomers {
  #lastInvoice: string | null = null;
  #lastCustomer = 0;
  readonly #seen = new Set<string>();
  readonly #invoices: string[] = [];
  readonly #customers: number[] = [];

  note(invoice: string, customer: number): void {
    if (invoice === this.#lastInvoice && customer === this.#lastCustomer) return;
    this.#lastInvoice = invoice;
    this.#lastCustomer = customer;
    const key = `${customer}\t${invoice}`;
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    this.#invoices.push(invoice);
    this.#customers.push(customer);
  }

  /**
   * Stores the pairs. `fresh`: the tenant had no order lines before this import, so it has no pairs either and they
   * are loaded with COPY; otherwise a pair an earlier import stored is left as it is.
   */
  async write(tx: Tx, tenant: string, fresh: boolean): Promise<void> {
    const invoices = this.#invoices;
    const customers = this.#customers;
    if (fresh) {
      if (!invoices.length) return;
      const t = copyText(tenant);
      let text = '';
      for (let i = 0; i < invoices.length; i++) text += `${t}\t${copyText(invoices[i]!)}\t${customers[i]}\n`;
      await tx.copyIn('order_invoices', COLUMNS, text);
      return;
    }
    for (let start = 0; start < invoices.length; start += CHUNK) {
      await tx.query(
        `INSERT INTO order_invoices (tenant_id, invoice, customer_id)
         SELECT $1, invoice, customer_id FROM unnest($2::text[], $3::bigint[]) AS pairs (invoice, customer_id)
         ON CONFLICT DO NOTHING`,
        [tenant, invoices.slice(start, start + CHUNK), customers.slice(start, start + CHUNK)],
      );
    }
  }
}
