/**
 * Monthly cohort retention on UCI Online Retail against an independent computation written plainly here, from the
 * raw CSV lines (valid orders: a customer, no `C` invoice, a positive quantity), for the 2010-12 and 2011-06 cohorts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { dataFile } from '../rfm/testing/data-dir';
import { loadOnlineRetail, type OnlineRetail } from '../rfm/testing/online-retail';
import { computeCohorts } from './cohorts';

const FILE = dataFile('online-retail', 'online_retail.csv.gz');
const MONTHS = ['2010-12', ...Array.from({ length: 12 }, (_, i) => `2011-${String(i + 1).padStart(2, '0')}`)];

/** Per cohort month: its customers, and per later month the customers active and their revenue. */
function plainCohorts(data: OnlineRetail) {
  const valid = data.lines.filter((l) => l.customerId !== null && !l.invoice.startsWith('C') && l.quantity > 0);
  const firstMonth = new Map<string, string>();
  for (const l of valid) {
    const month = l.invoiceDate.slice(0, 7);
    const known = firstMonth.get(l.customerId!);
    if (known === undefined || month < known) firstMonth.set(l.customerId!, month);
  }
  const active = new Map<string, Set<string>>(); // "cohort|month" → customers
  const revenue = new Map<string, number>();
  for (const l of valid) {
    const key = `${firstMonth.get(l.customerId!)}|${l.invoiceDate.slice(0, 7)}`;
    if (!active.has(key)) active.set(key, new Set());
    active.get(key)!.add(l.customerId!);
    revenue.set(key, (revenue.get(key) ?? 0) + l.quantity * l.unitPrice);
  }
  return (cohort: string) => {
    const size = [...firstMonth.values()].filter((m) => m === cohort).length;
    const later = MONTHS.slice(MONTHS.indexOf(cohort));
    return {
      size,
      retention: later.map((m) => (active.get(`${cohort}|${m}`)?.size ?? 0) / size),
      revenue: later.map((m) => revenue.get(`${cohort}|${m}`) ?? 0),
    };
  };
}

describe.skipIf(!FILE)('cohorts on UCI Online Retail', () => {
  let data: OnlineRetail;
  let plain: ReturnType<typeof plainCohorts>;
  beforeAll(() => {
    data = loadOnlineRetail(FILE!);
    plain = plainCohorts(data);
  });

  for (const cohort of ['2010-12', '2011-06']) {
    it(`monthly retention and revenue of the ${cohort} cohort`, () => {
      const expected = plain(cohort);
      const retention = computeCohorts(data.activity).cohorts.find((c) => c.start === `${cohort}-01`)!;
      expect(retention.size).toBe(expected.size);
      expect(retention.values).toHaveLength(expected.retention.length);
      retention.values.forEach((v, k) => expect(v, `month ${k}`).toBeCloseTo(expected.retention[k]!, 12));
      const revenue = computeCohorts(data.activity, { metric: 'REVENUE' }).cohorts.find((c) => c.start === `${cohort}-01`)!;
      revenue.values.forEach((v, k) => expect(v, `month ${k}`).toBeCloseTo(expected.revenue[k]!, 6));
    });
  }

  it('pinned figures, also given by pandas (groupby cohort × month, nunique customers)', () => {
    const [first] = computeCohorts(data.activity, { metric: 'ACTIVE' }).cohorts;
    expect(first!.start).toBe('2010-12-01');
    expect([first!.size, ...first!.values.slice(0, 3)]).toEqual([885, 885, 324, 286]);
    const june = computeCohorts(data.activity, { metric: 'ACTIVE' }).cohorts.find((c) => c.start === '2011-06-01')!;
    expect(june.values).toEqual([242, 42, 38, 64, 56, 81, 23]);
  });
});
