/**
 * Cohorts over GraphQL on UCI Online Retail imported through the real ingest path, on both stores, checked against
 * a plain computation over the CSV written here (not the engine's code): monthly retention of the 2010-12 and
 * 2011-06 cohorts, country and segment filters, the other metrics and periods, the date range, and invalidation.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSource } from '../server/ingest/import-source';
import { fileSource } from '../server/ingest/read-records';
import type { Store } from '../server/store';
import { testApp } from './support/app';
import { dataFile, describeWithData } from './support/data';
import { storeCases } from './support/stores';

const FILE = dataFile('online-retail', 'online_retail.csv.gz');
const COHORTS = `query($period: CohortPeriod, $metric: CohortMetric, $from: DateTime, $to: DateTime, $segment: String, $country: String) {
  cohorts(period: $period, metric: $metric, from: $from, to: $to, segment: $segment, country: $country) { period metric cohorts { start size values } } }`;

/** Per customer: the month (YYYY-MM) of each valid line, and the country of the customer's first line. */
interface Plain { months: Map<string, Set<string>>; first: Map<string, string>; country: Map<string, string>; revenue: number }

function plainData(): Plain {
  const rows: string[][] = parse(gunzipSync(readFileSync(FILE)), { from_line: 2 });
  const plain: Plain = { months: new Map(), first: new Map(), country: new Map(), revenue: 0 };
  for (const [invoice, , , quantity, date, price, customer, country] of rows) {
    if (!customer) continue;
    if (!plain.country.has(customer)) plain.country.set(customer, country!);
    if (invoice!.startsWith('C') || !(Number(quantity) > 0)) continue;
    const month = date!.slice(0, 7);
    if (!plain.months.has(customer)) plain.months.set(customer, new Set());
    plain.months.get(customer)!.add(month);
    if (!plain.first.has(customer) || month < plain.first.get(customer)!) plain.first.set(customer, month);
    plain.revenue += Number(quantity) * Number(price);
  }
  return plain;
}

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;

/** Retention of one monthly cohort through 2011-12, the data's last month. */
function plainRetention(plain: Plain, cohort: string, keep: (customer: string) => boolean = () => true): { size: number; values: number[] } {
  const members = [...plain.first].filter(([c, m]) => m === cohort && keep(c)).map(([c]) => c);
  const values: number[] = [];
  for (let k = 0; k <= monthIndex('2011-12') - monthIndex(cohort); k++) {
    const active = members.filter((c) => [...plain.months.get(c)!].some((m) => monthIndex(m) - monthIndex(cohort) === k));
    values.push(active.length / members.length);
  }
  return { size: members.length, values };
}

describeWithData('cohorts over GraphQL on UCI Online Retail', () => {
  let plain: Plain;
  beforeAll(() => {
    plain = plainData();
  }, 300_000);

  describe.each(storeCases())('on $name', ({ open }) => {
    let store: Store;
    let gql: ReturnType<typeof testApp>['gql'];
    beforeAll(async () => {
      store = await open();
      await importSource(store, 'orders', fileSource(FILE), { tenant: 'default' });
      gql = testApp(store).gql;
    }, 900_000);
    afterAll(() => store?.close());

    const cohorts = async (vars: Record<string, unknown> = {}) => {
      const res = await gql(COHORTS, vars);
      expect(res.errors).toBeUndefined();
      return res.data!.cohorts as { period: string; metric: string; cohorts: { start: string; size: number; values: number[] }[] };
    };

    it('monthly retention of the 2010-12 and 2011-06 cohorts equals a plain computation', async () => {
      const table = await cohorts();
      expect(table).toMatchObject({ period: 'MONTH', metric: 'RETENTION' });
      expect(table.cohorts.map((c) => c.start)).toEqual(Array.from({ length: 13 }, (_, i) => `${i ? 2011 : 2010}-${String(i ? i : 12).padStart(2, '0')}-01`));
      expect(table.cohorts.reduce((a, c) => a + c.size, 0)).toBe(4339);
      for (const month of ['2010-12', '2011-06']) {
        const got = table.cohorts.find((c) => c.start === `${month}-01`)!;
        const want = plainRetention(plain, month);
        expect(got.size, month).toBe(want.size);
        expect(got.values).toHaveLength(want.values.length);
        got.values.forEach((v, k) => expect(v, `${month} k=${k}`).toBeCloseTo(want.values[k]!, 12));
      }
      expect(table.cohorts[0]!.size).toBe(885);
    });

    it('filters by country and by segment', async () => {
      const uk = await cohorts({ country: 'united kingdom' });
      const ukCustomers = [...plain.first.keys()].filter((c) => plain.country.get(c) === 'United Kingdom');
      expect(uk.cohorts.reduce((a, c) => a + c.size, 0)).toBe(ukCustomers.length);
      const want = plainRetention(plain, '2010-12', (c) => plain.country.get(c) === 'United Kingdom');
      uk.cohorts[0]!.values.forEach((v, k) => expect(v).toBeCloseTo(want.values[k]!, 12));
      expect((await cohorts({ country: 'Atlantis' })).cohorts).toEqual([]);

      const champions = await cohorts({ segment: 'champions' });
      expect(champions.cohorts.reduce((a, c) => a + c.size, 0)).toBe(633);
      const bad = await gql(COHORTS, { segment: 'heroes' });
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_SEGMENT' });
    });

    it('ACTIVE, REVENUE and the lifetime-value curve agree with each other and with the data', async () => {
      const [active, revenue, ltv] = await Promise.all(
        ['ACTIVE', 'REVENUE', 'CUMULATIVE_REVENUE_PER_CUSTOMER'].map((metric) => cohorts({ metric })),
      );
      active!.cohorts.forEach((c) => expect(c.values[0]).toBe(c.size));
      const total = revenue!.cohorts.flatMap((c) => c.values).reduce((a, b) => a + b, 0);
      expect(Math.abs(total - plain.revenue) / plain.revenue).toBeLessThan(1e-9);
      ltv!.cohorts.forEach((c, j) => {
        const sum = revenue!.cohorts[j]!.values.reduce((a, b) => a + b, 0);
        expect(c.values.at(-1)! * c.size).toBeCloseTo(sum, 4);
      });
    });

    it('weeks start on Monday, quarters on the quarter; every customer in one cohort', async () => {
      const weeks = await cohorts({ period: 'WEEK' });
      expect(weeks.cohorts[0]!.start).toBe('2010-11-29');
      expect(weeks.cohorts.reduce((a, c) => a + c.size, 0)).toBe(4339);
      const quarters = await cohorts({ period: 'QUARTER' });
      expect(quarters.cohorts.map((c) => c.start)).toEqual(['2010-10-01', '2011-01-01', '2011-04-01', '2011-07-01', '2011-10-01']);
      expect(quarters.cohorts[0]!.values).toHaveLength(5);
    });

    it('a date range: from picks the first cohort, to cuts the activity like asOf', async () => {
      const from = await cohorts({ from: '2011-06-15' });
      expect(from.cohorts[0]!.start).toBe('2011-06-01');
      const to = await cohorts({ to: '2011-07-01' });
      expect(to.cohorts.at(-1)!.start).toBe('2011-06-01');
      expect(to.cohorts[0]!.values).toHaveLength(7);
      const full = await cohorts();
      expect(to.cohorts[0]!.values).toEqual(full.cohorts[0]!.values.slice(0, 7));
      expect((await cohorts({ to: '2009-01-01' })).cohorts).toEqual([]);
    });

    it('sees a write at the next query (cache invalidated by the tenant version)', async () => {
      const before = (await cohorts()).cohorts.at(-1)!;
      const add = await gql(`mutation { addOrders(input: [{ invoice: "T9", customerExternalId: "cohort-new-1",
        orderedAt: "2011-12-09T10:00:00Z", quantity: 1, unitPrice: 3 }]) { accepted } }`);
      expect(add.data!.addOrders.accepted).toBe(true);
      const after = (await cohorts()).cohorts.at(-1)!;
      expect(after.start).toBe('2011-12-01');
      expect(after.size).toBe(before.size + 1);
    });
  });
});
