/**
 * Order lines into a tenant without orders go through one COPY held open across batches (load/orders.ts). Whatever
 * ends the import early — a bad row, a line the file repeats, a reader that fails — the COPY is given up, nothing
 * is stored, and the store takes the next import.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRows } from '../server/ingest/import-rows';
import type { OrderRecord, ParsedRow } from '../server/ingest/types';
import type { Store } from '../server/store';
import { storeCases } from './support/stores';

const line = (invoice: string, customer: string | null): OrderRecord => ({
  invoice, lineNo: 1, customerExternalId: customer, orderedAt: new Date('2024-03-01T10:00:00Z'),
  quantity: 2, unitPrice: 1.5, amount: 3, product: 'P1', description: 'a thing', cancelled: false,
});

async function* rows(records: (OrderRecord | 'bad' | 'throw')[]): AsyncGenerator<ParsedRow<OrderRecord>> {
  for (const [i, r] of records.entries()) {
    if (r === 'throw') throw new Error('the disk went away');
    yield r === 'bad' ? { line: i + 1, error: { line: i + 1, column: 1, message: 'bad' } } : { line: i + 1, record: r };
  }
}

const many = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => line(`${prefix}${i}`, `c${i % 7}`));

describe.each(storeCases())('order lines streamed into a new tenant on $name', ({ open }) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
  });
  afterAll(() => store?.close());

  const count = async (tenant: string) =>
    (await store.query<{ orders: number; customers: number }>(
      `SELECT (SELECT count(*)::int FROM orders WHERE tenant_id = $1) AS orders,
              (SELECT count(*)::int FROM customers WHERE tenant_id = $1) AS customers`,
      [tenant],
    ))[0];

  it('stores every line of several batches and the customers they name', async () => {
    const summary = await importRows(store, 'orders', rows(many(23, 'A')), { tenant: 'ok', batchSize: 5 });
    expect(summary.inserted).toBe(23);
    expect(summary.customersCreated).toBe(7);
    expect(await count('ok')).toEqual({ orders: 23, customers: 7 });
    const stats = await store.query<{ n: number }>(`SELECT count(*)::int AS n FROM customer_stats WHERE tenant_id = 'ok'`);
    expect(stats[0]!.n).toBe(7);
  });

  for (const [what, tail, message] of [
    ['a bad row after batches were sent', ['bad'], /bad/],
    ['a line the file repeats', [line('B3', 'c1')], /names the same record twice \(invoice, line_no = B3, 1\)/],
    ['a reader that fails', ['throw'], /the disk went away/],
  ] as const) {
    it(`stores nothing after ${what}, and takes the next import`, async () => {
      const tenant = `t-${what.length}`;
      await expect(importRows(store, 'orders', rows([...many(12, 'B'), ...tail]), { tenant, batchSize: 5 })).rejects.toThrow(message);
      expect(await count(tenant)).toEqual({ orders: 0, customers: 0 });
      const next = await importRows(store, 'orders', rows(many(6, 'B')), { tenant, batchSize: 5 });
      expect(next.inserted).toBe(6);
      expect(await count(tenant)).toEqual({ orders: 6, customers: 6 });
    });
  }
});
