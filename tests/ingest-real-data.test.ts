import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSource } from '../server/ingest/import-source';
import { fileSource } from '../server/ingest/read-records';
import type { RecordKind } from '../server/ingest/types';
import type { Store } from '../server/store';
import { dataFile, describeWithData } from './support/data';
import { storeCases } from './support/stores';

const count = async (store: Store, sql: string, tenant: string) =>
  (await store.query<{ n: number }>(sql, [tenant]))[0]!.n;

describeWithData('importing the real data sets', () => {
  describe.each(storeCases())('on $name', ({ open }) => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(() => store?.close());

    const load = (tenant: string, kind: RecordKind, ...file: string[]) =>
      importSource(store, kind, fileSource(dataFile(...file)), { tenant });

    it('UCI Online Retail: every line, guest orders kept, amounts to the cent, aggregates maintained; re-import changes nothing', async () => {
      const first = await load('retail', 'orders', 'online-retail', 'online_retail.csv.gz');
      expect(first.format).toBe('online-retail');
      expect(first.inserted).toBe(541_909);
      expect(first.customersCreated).toBe(4_372);
      const snapshot = async () =>
        (
          await store.query<{ lines: number; guests: number; customers: number; total: string; stats: number; daily: string }>(
            `SELECT (SELECT count(*)::int FROM orders WHERE tenant_id = $1) AS lines,
                    (SELECT count(*)::int FROM orders WHERE tenant_id = $1 AND customer_id IS NULL) AS guests,
                    (SELECT count(*)::int FROM customers WHERE tenant_id = $1) AS customers,
                    (SELECT round(sum(quantity * unit_price), 2)::text FROM orders WHERE tenant_id = $1) AS total,
                    (SELECT count(*)::int FROM customer_stats WHERE tenant_id = $1) AS stats,
                    (SELECT sum(invoices)::text || '/' || sum(monetary)::text FROM customer_daily WHERE tenant_id = $1) AS daily`,
            ['retail'],
          )
        )[0]!;
      const before = await snapshot();
      expect(before).toMatchObject({ lines: 541_909, guests: 135_080, customers: 4_372, total: '9747747.93', stats: 4_339 });
      // The aggregates agree with a plain computation over the lines (the RFM definition's valid lines).
      const [plain] = await store.query<{ daily: string }>(
        `SELECT sum(n)::text || '/' || sum(m)::text AS daily FROM (
           SELECT count(DISTINCT invoice) AS n, sum(amount) AS m FROM orders
           WHERE tenant_id = $1 AND customer_id IS NOT NULL AND NOT cancelled AND quantity > 0
           GROUP BY customer_id, (ordered_at AT TIME ZONE 'UTC')::date) d`,
        ['retail'],
      );
      expect(before.daily).toBe(plain!.daily);

      const again = await load('retail', 'orders', 'online-retail', 'online_retail.csv.gz');
      expect(again.inserted).toBe(0);
      expect(again.customersCreated).toBe(0);
      expect(await snapshot()).toEqual(before);
    }, 600_000);

    it('CDNOW master: 69,659 orders of 23,570 customers; re-import changes nothing', async () => {
      const first = await load('cdnow', 'orders', 'cdnow', 'CDNOW_master.txt');
      expect(first.format).toBe('cdnow');
      const counts = async () => ({
        orders: await count(store, `SELECT count(*)::int AS n FROM orders WHERE tenant_id = $1`, 'cdnow'),
        customers: await count(store, `SELECT count(*)::int AS n FROM customers WHERE tenant_id = $1`, 'cdnow'),
      });
      expect(await counts()).toEqual({ orders: 69_659, customers: 23_570 });
      expect((await load('cdnow', 'orders', 'cdnow', 'CDNOW_master.txt')).inserted).toBe(0);
      expect(await counts()).toEqual({ orders: 69_659, customers: 23_570 });
    }, 300_000);

    it('airline tweets: 14,640 interactions with gold labels, authors as customers; re-import changes nothing', async () => {
      const first = await load('airline', 'interactions', 'airline-tweets', 'Tweets.csv');
      expect(first.format).toBe('airline-tweets');
      expect(first.inserted).toBe(14_640);
      const labelled = `SELECT count(*)::int AS n FROM interactions WHERE tenant_id = $1 AND channel = 'social' AND gold_label IS NOT NULL`;
      expect(await count(store, labelled, 'airline')).toBe(14_640);
      const customers = await count(store, `SELECT count(*)::int AS n FROM customers WHERE tenant_id = $1`, 'airline');
      expect(customers).toBeGreaterThan(7_000);
      expect((await load('airline', 'interactions', 'airline-tweets', 'Tweets.csv')).inserted).toBe(0);
      expect(await count(store, labelled, 'airline')).toBe(14_640);
    });

    it('email-Eu-core: 1,005 customers and its 25,571 distinct edges; re-import changes nothing', async () => {
      const first = await load('email', 'relationships', 'email-eu-core', 'email-Eu-core.txt');
      expect(first.format).toBe('edgelist');
      const counts = async () => ({
        customers: await count(store, `SELECT count(*)::int AS n FROM customers WHERE tenant_id = $1`, 'email'),
        edges: await count(store, `SELECT count(*)::int AS n FROM relationships WHERE tenant_id = $1`, 'email'),
      });
      expect(await counts()).toEqual({ customers: 1_005, edges: 25_571 });
      expect((await load('email', 'relationships', 'email-eu-core', 'email-Eu-core.txt')).inserted).toBe(0);
      expect(await counts()).toEqual({ customers: 1_005, edges: 25_571 });
    });

    it('keeps tenants apart: each data set lives only in its own tenant', async () => {
      const rows = await store.query<{ tenant_id: string; n: number }>(
        `SELECT tenant_id, count(*)::int AS n FROM orders GROUP BY 1 ORDER BY 1`,
      );
      expect(rows).toEqual([
        { tenant_id: 'cdnow', n: 69_659 },
        { tenant_id: 'retail', n: 541_909 },
      ]);
    });
  });
});
