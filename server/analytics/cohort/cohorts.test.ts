import { describe, expect, it } from 'vitest';
import { activityFromOrderLines, maskFromIndices, maskFromValues, type OrderLine } from '../activity';
import { computeCohorts } from './cohorts';
import { CohortError } from './errors';

const at = (iso: string) => Date.parse(`${iso}Z`);
const line = (customer: number, invoice: string, when: string, quantity = 1, unitPrice = 10): OrderLine => ({
  customer,
  invoice,
  at: at(when),
  quantity,
  unitPrice,
});

// Customers 0, 1 join in January, 2 in February, 3 in March; customer 4 has only a cancellation.
const LINES: OrderLine[] = [
  line(0, 'a1', '2011-01-05T10:00:00', 2), // 20
  line(0, 'a2', '2011-01-20T10:00:00'), // 10, same month: counted once as active
  line(0, 'a3', '2011-03-02T10:00:00', 3), // 30
  line(1, 'b1', '2011-01-31T23:59:00'), // 10
  line(1, 'b2', '2011-02-01T00:00:00', 5), // 50
  line(1, 'Cb3', '2011-03-01T09:00:00', -5), // a cancellation: ignored
  line(2, 'c1', '2011-02-14T10:00:00', 1, -4), // a negative price counts: -4
  line(2, 'c2', '2011-03-14T10:00:00', 0), // a zero quantity: ignored
  line(3, 'd1', '2011-03-31T10:00:00', 1, 7), // 7
  line(4, 'Ce1', '2011-01-10T10:00:00', -1),
];
const activity = activityFromOrderLines(5, LINES);

describe('computeCohorts', () => {
  it('monthly retention by default; values run to the last month of the data', () => {
    const { cohorts, period, metric } = computeCohorts(activity);
    expect([period, metric]).toEqual(['MONTH', 'RETENTION']);
    expect(cohorts).toEqual([
      { start: '2011-01-01', startDay: at('2011-01-01T00:00:00') / 86_400_000, size: 2, values: [1, 0.5, 0.5] },
      { start: '2011-02-01', startDay: at('2011-02-01T00:00:00') / 86_400_000, size: 1, values: [1, 0] },
      { start: '2011-03-01', startDay: at('2011-03-01T00:00:00') / 86_400_000, size: 1, values: [1] },
    ]);
  });

  it('active customers, revenue and cumulative revenue per customer', () => {
    const values = (metric: 'ACTIVE' | 'REVENUE' | 'CUMULATIVE_REVENUE_PER_CUSTOMER') =>
      computeCohorts(activity, { metric }).cohorts.map((c) => c.values);
    expect(values('ACTIVE')).toEqual([[2, 1, 1], [1, 0], [1]]);
    expect(values('REVENUE')).toEqual([[40, 50, 30], [-4, 0], [7]]);
    expect(values('CUMULATIVE_REVENUE_PER_CUSTOMER')).toEqual([[20, 45, 60], [-4, -4], [7]]);
  });

  it('weekly and quarterly cohorts', () => {
    const weeks = computeCohorts(activity, { period: 'WEEK' }).cohorts;
    expect(weeks.map((c) => c.start)).toEqual(['2011-01-03', '2011-01-31', '2011-02-14', '2011-03-28']);
    expect(weeks[0]!.values).toHaveLength(13); // 2011-01-03 .. the week of 2011-03-31
    // Customer 0 alone: weeks of 01-03, 01-17 (k = 2) and 02-28 (k = 8).
    expect(weeks[0]!.values.flatMap((v, k) => (v > 0 ? [k] : []))).toEqual([0, 2, 8]);
    expect(weeks[1]!).toMatchObject({ size: 1, values: [1, 0, 0, 0, 0, 0, 0, 0, 0] }); // b1 and b2 in one week
    const quarters = computeCohorts(activity, { period: 'QUARTER', metric: 'ACTIVE' }).cohorts;
    expect(quarters).toEqual([{ start: '2011-01-01', startDay: at('2011-01-01T00:00:00') / 86_400_000, size: 4, values: [4] }]);
  });

  it('filters by a customer mask, an index list, or both', () => {
    const byMask = computeCohorts(activity, { customerMask: maskFromValues([0, 1, 0, 1, 0], [1]) }).cohorts;
    expect(byMask.map((c) => [c.start, c.size])).toEqual([['2011-01-01', 1], ['2011-03-01', 1]]);
    expect(byMask[0]!.values).toEqual([1, 1, 0]); // customer 1; the horizon stays the data's last month
    const byList = computeCohorts(activity, { customerIndices: [2, 3] }).cohorts;
    expect(byList.map((c) => c.start)).toEqual(['2011-02-01', '2011-03-01']);
    const both = computeCohorts(activity, { customerMask: maskFromIndices(5, [0, 2]), customerIndices: [2, 3] }).cohorts;
    expect(both.map((c) => c.size)).toEqual([1]);
    expect(computeCohorts(activity, { customerIndices: [4] }).cohorts).toEqual([]);
  });

  it('a date range: `from` picks cohorts, `to` cuts activity; acquisition keeps the whole history', () => {
    const fromFeb = computeCohorts(activity, { from: new Date('2011-02-10T00:00:00Z') }).cohorts;
    expect(fromFeb.map((c) => c.start)).toEqual(['2011-02-01', '2011-03-01']); // customer 1 is not new in February
    const toMarch = computeCohorts(activity, { to: new Date('2011-03-01T00:00:00Z'), metric: 'ACTIVE' }).cohorts;
    expect(toMarch.map((c) => c.values)).toEqual([[2, 1], [1]]);
    expect(computeCohorts(activity, { to: new Date('2010-01-01T00:00:00Z') }).cohorts).toEqual([]);
  });

  it('no valid orders, or bad options', () => {
    const cancelled = activityFromOrderLines(2, [line(0, 'C1', '2011-01-01T00:00:00', -1)]);
    expect(computeCohorts(cancelled).cohorts).toEqual([]);
    expect(() => computeCohorts(activity, { metric: 'LTV' as never })).toThrow(CohortError);
    expect(() => computeCohorts(activity, { period: 'DAY' as never })).toThrow(/^rapport\/cohort: unknown period DAY/);
    expect(() => computeCohorts(activity, { to: new Date('x') })).toThrow(/rapport\/cohort: to is not a valid date/);
    expect(() => computeCohorts(activity, { customerMask: new Uint8Array(2) })).toThrow(/customerMask has 2 entries/);
  });
  it('a stray order centuries before the rest costs one long row, not a table of every period between', () => {
    // Week 1 of year 1 to 2011: 104,900 weekly periods, whose square (1.1e10 cells) no typed array can hold.
    const lines = [...LINES, { customer: 5, invoice: 'old', at: Date.parse('0001-01-03T10:00:00Z'), quantity: 1, unitPrice: 1 }];
    const { cohorts } = computeCohorts(activityFromOrderLines(6, lines), { period: 'WEEK' });
    expect(cohorts[0]).toMatchObject({ start: '0001-01-01', size: 1 });
    const week = (iso: string) => Math.floor((Date.parse(iso) / 86_400_000 + 3) / 7);
    expect(cohorts[0]!.values.length).toBe(week('2011-03-31T00:00:00Z') - week('0001-01-03T00:00:00Z') + 1);
    expect(cohorts.slice(1).map((c) => c.size)).toEqual(
      computeCohorts(activity, { period: 'WEEK' }).cohorts.map((c) => c.size),
    );
    expect(cohorts[1]!.values).toEqual(computeCohorts(activity, { period: 'WEEK' }).cohorts[0]!.values);
  });
});
