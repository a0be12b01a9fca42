/**
 * A customer's order lines are found through `order_invoices` (migration 006): every path that writes lines — the
 * COPY into a tenant without orders, a later import, an invoice shared by two customers — must keep it complete, and
 * the migration fills it from the lines a store already held.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRows } from '../server/ingest/import-rows';
import type { OrderRecord, ParsedRow } from '../server/ingest/types';
import type { Store } from '../server/store';
import { orderCounts, ordersOfCustomers } from '../server/store/queries/orders';
import { storeBefore } from './support/migrations';
import { storeCases } from './support/stores';

const line = (invoice: string, lineNo: number, customer: string | null, day: number): OrderRecord => ({
  invoice, lineNo, customerExternalId: customer, orderedAt: new Date(Date.UTC(2024, 2, day, 10)),
  quantity: 1, unitPrice: 2.5, amount: 2.5, product: 'P', description: null, cancelled: false,
});

async function* rows(records: OrderRecord[]): AsyncGenerator<ParsedRow<OrderRecord>> {
  for (const [i, record] of records.entries()) yield { line: i + 1, record };
}

/** Each customer's lines as `invoice/line`, read through the queries the API uses. */
async function linesByCustomer(store: Store, tenant: string): Promise<Record<string, string[]>> {
  const customers = await store.query<{ id: number; external_id: string }>(
    `SELECT id, external_id FROM customers WHERE tenant_id = $1 ORDER BY external_id`, [tenant]);
  const ids = customers.map((c) => Number(c.id));
  const lines = await ordersOfCustomers(store, tenant, ids, 0, 100);
  const counts = new Map((await orderCounts(store, tenant, ids)).map((r) => [Number(r.customer_id), r.n]));
  const out: Record<string, string[]> = {};
  for (const c of customers) {
    const mine = lines.filter((l) => Number(l.customer_id) === Number(c.id)).map((l) => `${l.invoice}/${l.line_no}`).sort();
    expect(counts.get(Number(c.id)) ?? 0).toBe(mine.length);
    out[c.external_id] = mine;
  }
  return out;
}

describe.each(storeCases())('order lines found through their invoices on $name', ({ open }) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
  });
  afterAll(() => store?.close());

  it('finds every line of a customer after a first import, a later one and an invoice two customers share', async () => {
    const first = [line('A1', 1, 'x', 1), line('A1', 2, 'x', 1), line('A2', 1, 'y', 2), line('A2', 2, null, 2), line('A3', 1, 'x', 3)];
    await importRows(store, 'orders', rows(first), { tenant: 'inv', batchSize: 2 });
    expect(await linesByCustomer(store, 'inv')).toEqual({ x: ['A1/1', 'A1/2', 'A3/1'], y: ['A2/1'] });

    // A later import: a new line on an invoice already stored, a shared invoice, a repeated line (skipped).
    const later = [line('A1', 3, 'x', 1), line('A2', 3, 'x', 2), line('A4', 1, 'z', 4), line('A1', 1, 'x', 1)];
    await importRows(store, 'orders', rows(later), { tenant: 'inv', batchSize: 2 });
    expect(await linesByCustomer(store, 'inv')).toEqual({ x: ['A1/1', 'A1/2', 'A1/3', 'A2/3', 'A3/1'], y: ['A2/1'], z: ['A4/1'] });
    const stats = await store.query<{ external_id: string; invoices: number }>(
      `SELECT c.external_id, s.invoices FROM customer_stats s JOIN customers c ON c.id = s.customer_id
       WHERE s.tenant_id = 'inv' ORDER BY 1`);
    expect(stats.map((s) => [s.external_id, s.invoices])).toEqual([['x', 3], ['y', 1], ['z', 1]]);
  });

  it('keeps one row per invoice and customer, never one per line', async () => {
    const many = Array.from({ length: 40 }, (_, i) => line(`B${i % 4}`, Math.floor(i / 4) + 1, `c${i % 4}`, 5));
    await importRows(store, 'orders', rows(many), { tenant: 'inv2', batchSize: 7 });
    const [{ n }] = await store.query<{ n: number }>(`SELECT count(*)::int AS n FROM order_invoices WHERE tenant_id = 'inv2'`);
    expect(n).toBe(4);
  });
});

describe('migration 006', () => {
  it('fills order_invoices from the lines a store already held', async () => {
    const { store, migrateRest } = await storeBefore('006');
    try {
      await store.query(`INSERT INTO tenants (id, name) VALUES ('old', 'old') ON CONFLICT DO NOTHING`);
      await store.query(`INSERT INTO customers (tenant_id, external_id) VALUES ('old', 'p'), ('old', 'q')`);
      await store.query(
        `INSERT INTO orders (tenant_id, invoice, line_no, customer_id, ordered_at, quantity, unit_price, amount, cancelled)
         SELECT 'old', v.invoice, v.line_no, c.id, now(), 1, 1, 1, false
         FROM (VALUES ('M1', 1, 'p'), ('M1', 2, 'p'), ('M2', 1, 'q'), ('M3', 1, NULL)) AS v (invoice, line_no, customer)
         LEFT JOIN customers c ON c.tenant_id = 'old' AND c.external_id = v.customer`);
      expect((await migrateRest())[0]).toBe('006_order_invoices');
      const pairs = await store.query<{ invoice: string; external_id: string }>(
        `SELECT i.invoice, c.external_id FROM order_invoices i JOIN customers c ON c.id = i.customer_id ORDER BY 1`);
      expect(pairs.map((p) => `${p.invoice}:${p.external_id}`)).toEqual(['M1:p', 'M2:q']);
    } finally {
      await store.close();
    }
  });
});
