/**
 * RFM over GraphQL on UCI Online Retail imported through the real ingest path, on both stores: the reference
 * segment counts and Table 1 frequency means, asOf, Customer.rfm and customers(segment:), segment migration,
 * tenant segment maps, and the per-tenant cache (one query when warm, invalidated by a write).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSource } from '../server/ingest/import-source';
import { fileSource } from '../server/ingest/read-records';
import type { Store } from '../server/store';
import { testApp } from './support/app';
import { dataFile, describeWithData } from './support/data';
import { countingStore, storeCases } from './support/stores';

const EXPECTED = {
  champions: 633, loyal_customers: 827, potential_loyalists: 492, new_customers: 42, promising: 100,
  need_attention: 186, about_to_sleep: 351, at_risk: 580, cant_lose: 63, hibernating: 1065,
};
/** The seed paper's Table 1, frequency means. */
const TABLE_1_FREQUENCY_MEAN = {
  champions: 12.43, loyal_customers: 6.49, potential_loyalists: 2.02, new_customers: 1.0, promising: 1.0,
  need_attention: 2.33, about_to_sleep: 1.17, at_risk: 2.88, cant_lose: 8.38, hibernating: 1.1,
};
const STATS = 'min max mean std';
const RFM = `query($asOf: DateTime, $map: String) { rfm(asOf: $asOf, segmentMap: $map) { asOf customerCount segmentMap
  segments { name customerCount share recency { ${STATS} } frequency { ${STATS} } monetary { ${STATS} } } } }`;
const counts = (rfm: any) => Object.fromEntries(rfm.segments.map((s: any) => [s.name, s.customerCount]));

describeWithData('RFM over GraphQL on UCI Online Retail', () => {
  describe.each(storeCases())('on $name', ({ open }) => {
    let store: Store;
    let gql: ReturnType<typeof testApp>['gql'];
    beforeAll(async () => {
      store = await open();
      await importSource(store, 'orders', fileSource(dataFile('online-retail', 'online_retail.csv.gz')), { tenant: 'default' });
      gql = testApp(store).gql;
    }, 900_000);
    afterAll(() => store?.close());

    it('gives exactly the reference segment counts and the Table 1 frequency means', async () => {
      const res = await gql(RFM);
      expect(res.errors).toBeUndefined();
      const rfm = res.data!.rfm;
      expect(rfm).toMatchObject({ asOf: '2011-12-10T12:50:00.000Z', customerCount: 4339, segmentMap: 'default' });
      expect(counts(rfm)).toEqual(EXPECTED);
      for (const s of rfm.segments) {
        const paper = TABLE_1_FREQUENCY_MEAN[s.name as keyof typeof TABLE_1_FREQUENCY_MEAN];
        expect(Math.abs(s.frequency.mean - paper), s.name).toBeLessThan(0.05);
        expect(s.share).toBeCloseTo(s.customerCount / 4339, 12);
      }
    });

    it('an asOf before any order gives an empty result, not an error', async () => {
      const res = await gql(RFM, { asOf: '2009-01-01' });
      expect(res.errors).toBeUndefined();
      expect(res.data!.rfm.customerCount).toBe(0);
      expect(res.data!.rfm.asOf).toBe('2009-01-01T00:00:00.000Z');
      expect(res.data!.rfm.segments.every((s: any) => s.customerCount === 0 && s.recency.mean === null)).toBe(true);
    });

    it('asOf = latest order + 1 day reproduces the default; an earlier asOf scores fewer customers', async () => {
      const same = await gql(RFM, { asOf: '2011-12-10T12:50:00Z' });
      expect(counts(same.data!.rfm)).toEqual(EXPECTED);
      const earlier = await gql(RFM, { asOf: '2011-06-01' });
      expect(earlier.data!.rfm.customerCount).toBeGreaterThan(2000);
      expect(earlier.data!.rfm.customerCount).toBeLessThan(4339);
    });

    it('Customer.rfm agrees with rfm, and customers(segment:) counts match the segments', async () => {
      const one = await gql(`{ customerByExternalId(externalId: "12346") { rfm { recency frequency monetary r f m segment } } }`);
      expect(one.data!.customerByExternalId.rfm).toEqual({
        recency: 326, frequency: 1, monetary: 77183.6, r: 1, f: 1, m: 5, segment: 'hibernating',
      });
      // Money in cents, as stored: a sum of float cents shows no 1871.3400000000001.
      const money = await gql(`{ customers(first: 500) { edges { node { rfm { monetary } } } } }`);
      const amounts = money.data!.customers.edges.map((e: any) => e.node.rfm?.monetary).filter((m: unknown) => m != null);
      expect(amounts.length).toBeGreaterThan(400);
      expect(amounts.filter((m: number) => !/^-?\d+(\.\d{1,2})?$/.test(String(m)))).toEqual([]);
      for (const [segment, n] of Object.entries(EXPECTED)) {
        const page = await gql(`query($s: String) { customers(segment: $s, first: 500) { totalCount edges { node { rfm { segment } } } } }`, { s: segment });
        expect(page.errors).toBeUndefined();
        expect(page.data!.customers.totalCount, segment).toBe(n);
        expect(page.data!.customers.edges.every((e: any) => e.node.rfm.segment === segment)).toBe(true);
      }
      // Customers whose every line was cancelled have no RFM scores.
      const [cancelledOnly] = await store.query<{ external_id: string }>(
        `SELECT external_id FROM customers c WHERE tenant_id = 'default'
         AND NOT EXISTS (SELECT 1 FROM customer_stats s WHERE s.tenant_id = c.tenant_id AND s.customer_id = c.id) LIMIT 1`,
      );
      const none = await gql(`query($x: String!) { customerByExternalId(externalId: $x) { rfm { segment } } }`, { x: cancelledOnly!.external_id });
      expect(none.data!.customerByExternalId).toEqual({ rfm: null });
      const bad = await gql(`{ customers(segment: "vips") { totalCount } }`);
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_SEGMENT' });
      expect(bad.errors?.[0]?.message).toMatch(/^No segment "[^"]+" in map "default"; its segments are [a-z_, ]+\.$/);
    });

    it('segmentMigration: rows are the segments at from (+ new), columns those at to, totals agree', async () => {
      const from = '2011-06-01';
      const to = '2011-12-10T12:50:00Z';
      const res = await gql(`query($from: DateTime!, $to: DateTime!) { segmentMigration(from: $from, to: $to) {
        from to segmentMap segments rows { from counts total } columnTotals total moves { from to count } } }`, { from, to });
      expect(res.errors).toBeUndefined();
      const m = res.data!.segmentMigration;
      const [before, after] = [(await gql(RFM, { asOf: from })).data!.rfm, (await gql(RFM, { asOf: to })).data!.rfm];
      expect(m.segments).toEqual(Object.keys(EXPECTED).sort((a, b) => m.segments.indexOf(a) - m.segments.indexOf(b)));
      expect(m.total).toBe(4339);
      expect(m.rows.map((r: any) => r.from)).toEqual([...m.segments, 'new']);
      expect(Object.fromEntries(m.segments.map((s: string, j: number) => [s, m.columnTotals[j]]))).toEqual(counts(after));
      expect(Object.fromEntries(m.rows.slice(0, -1).map((r: any) => [r.from, r.total]))).toEqual(counts(before));
      expect(m.rows.at(-1).total).toBe(4339 - before.customerCount);
      for (const r of m.rows) expect(r.counts.reduce((a: number, b: number) => a + b, 0)).toBe(r.total);
      expect(m.moves.reduce((a: number, c: any) => a + c.count, 0)).toBe(4339);
      const wrong = await gql(`{ segmentMigration(from: "2011-12-01", to: "2011-01-01") { total } }`);
      expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('a tenant segment map: defined, listed, chosen per query, validated', async () => {
      const define = await gql(`mutation { defineSegmentMap(name: "value", fallback: "others", rules: [
        { name: "vip", r: { min: 4, max: 5 }, f: { min: 5 }, m: { min: 5 } },
        { name: "big_spenders", m: { min: 4, max: 5 } } ]) { name builtIn segments fallback rules { name r { min max } f { min max } m { min max } } } }`);
      expect(define.errors).toBeUndefined();
      expect(define.data!.defineSegmentMap).toMatchObject({ name: 'value', builtIn: false, segments: ['vip', 'big_spenders', 'others'] });
      expect(define.data!.defineSegmentMap.rules[0]).toEqual({ name: 'vip', r: { min: 4, max: 5 }, f: { min: 5, max: 5 }, m: { min: 5, max: 5 } });
      const maps = await gql(`{ segmentMaps { name builtIn segments } }`);
      expect(maps.data!.segmentMaps.map((m: any) => m.name)).toEqual(['default', 'value']);
      expect(maps.data!.segmentMaps[0].segments).toHaveLength(10);
      const rfm = (await gql(RFM, { map: 'value' })).data!.rfm;
      expect(rfm.segmentMap).toBe('value');
      expect(rfm.segments.map((s: any) => s.name)).toEqual(['vip', 'big_spenders', 'others']);
      expect(rfm.segments.reduce((a: number, s: any) => a + s.customerCount, 0)).toBe(4339);
      const vips = await gql(`{ customers(segment: "vip", segmentMap: "value") { totalCount } }`);
      expect(vips.data!.customers.totalCount).toBe(rfm.segments[0].customerCount);
      // The default map is untouched.
      expect(counts((await gql(RFM)).data!.rfm)).toEqual(EXPECTED);

      const gap = await gql(`mutation { defineSegmentMap(name: "partial", rules: [{ name: "top", r: { min: 5 } }]) { name } }`);
      expect(gap.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_SEGMENT_MAP' });
      expect(gap.errors?.[0]?.message).toMatch(/^No rule matches R,F,M = 1,1,1/);
      const builtIn = await gql(`mutation { defineSegmentMap(name: "default", fallback: "x", rules: [{ name: "a" }]) { name } }`);
      expect(builtIn.errors?.[0]?.extensions?.reason).toBe('INVALID_SEGMENT_MAP');
      const unknown = await gql(RFM, { map: 'nope' });
      expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_SEGMENT_MAP' });
    });

    it('is cached per tenant: a warm query makes at most one store query; a write invalidates it', async () => {
      const counted = countingStore(store);
      // Real scoped stores are memoised per tenant (the cache is keyed by store object); the counting one is not.
      const scopes = new Map<string, Store>();
      const scope = counted.forTenant;
      counted.forTenant = (tenant) => scopes.get(tenant) ?? scopes.set(tenant, scope(tenant)).get(tenant)!;
      const app = testApp(counted);
      await app.gql(RFM);
      let before = counted.count;
      await app.gql(RFM);
      // The version check, nothing else — and not even that on a store only this process writes (PGlite's
      // write epoch has not moved since the last check).
      const check = store.writeEpoch ? 0 : 1;
      expect(counted.count - before).toBe(check);
      before = counted.count;
      const warm = await app.gql(`{ rfm { customerCount } cohorts { cohorts { size } } c: customers(segment: "champions", first: 3) { edges { node { rfm { segment } } } } }`);
      expect(warm.errors).toBeUndefined();
      // One version check for the whole request (however many fields and customers ask), then the customer page.
      expect(counted.count - before).toBe(check + 1);

      // Written through another app (the counting wrapper cannot run transactions on every store): the cache
      // sees the new version in the database, as it would after an import by another process.
      const add = await gql(`mutation { addOrders(input: [{ invoice: "T1", customerExternalId: "rfm-new-1",
        orderedAt: "2011-12-09T13:00:00Z", quantity: 2, unitPrice: 5 }]) { accepted } }`);
      expect(add.data!.addOrders.accepted).toBe(true);
      const after = (await app.gql(RFM)).data!.rfm;
      expect(after.customerCount).toBe(4340);
      expect(after.asOf).toBe('2011-12-10T13:00:00.000Z');
      const added = await app.gql(`{ customerByExternalId(externalId: "rfm-new-1") { rfm { recency frequency monetary segment } } }`);
      expect(added.data!.customerByExternalId.rfm).toMatchObject({ recency: 1, frequency: 1, monetary: 10 });
      // Another tenant sees none of it.
      const other = testApp(store, { tenant: 'other' });
      expect((await other.gql(RFM)).data!.rfm.customerCount).toBe(0);
    });
  });
});
