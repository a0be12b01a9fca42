import { describe, expect, it } from 'vitest';
import { activityFromRows } from '../activity';
import { RfmError } from './errors';
import { computeRfm, type RfmResult } from './rfm';
import * as F from './testing/fixtures';
import { activityOf } from './testing/fixtures';
import type { RetailLine } from './testing/online-retail';

type Row = [id: string, recency: number, frequency: number, monetary: number, r: number, f: number, m: number, segment: string];

/** Per customer, from `bench/rfm-pandas.py FIXTURE.csv --scores` (pandas 1.5.3; its documented rule where pandas raises). */
const PANDAS: Record<string, Row[]> = {
  BOUNDARY_TIES: [
    ['101', 1, 4, 60.0, 5, 5, 5, 'champions'],
    ['102', 6, 3, 30.0, 5, 4, 4, 'champions'],
    ['103', 8, 3, 35.0, 4, 5, 5, 'loyal_customers'],
    ['104', 15, 2, 20.0, 4, 3, 3, 'potential_loyalists'],
    ['105', 21, 2, 20.0, 3, 3, 3, 'need_attention'],
    ['106', 22, 2, 20.0, 3, 4, 3, 'loyal_customers'],
    ['107', 29, 1, 10.0, 2, 1, 1, 'hibernating'],
    ['108', 29, 1, 10.0, 2, 1, 1, 'hibernating'],
    ['109', 36, 1, 10.0, 1, 2, 1, 'hibernating'],
    ['110', 36, 1, 10.0, 1, 2, 1, 'hibernating']
  ],
  CANCELLATIONS_ONLY: [],
  FEW_RECENCIES: [
    ['41', 10, 1, 1.0, 2, 1, 1, 'hibernating'],
    ['42', 6, 1, 2.0, 4, 1, 1, 'promising'],
    ['43', 1, 1, 3.0, 5, 1, 1, 'new_customers'],
    ['44', 10, 1, 4.0, 2, 2, 2, 'hibernating'],
    ['45', 6, 1, 5.0, 4, 2, 2, 'potential_loyalists'],
    ['46', 1, 1, 6.0, 5, 3, 3, 'potential_loyalists'],
    ['47', 10, 1, 7.0, 2, 3, 3, 'at_risk'],
    ['48', 6, 1, 8.0, 4, 4, 4, 'loyal_customers'],
    ['49', 1, 1, 9.0, 5, 4, 4, 'champions'],
    ['50', 10, 1, 10.0, 2, 5, 5, 'cant_lose'],
    ['51', 6, 1, 11.0, 4, 5, 5, 'loyal_customers'],
    ['52', 1, 1, 12.0, 5, 5, 5, 'champions']
  ],
  NEGATIVE_PRICES: [
    ['31', 1, 2, -11057.06, 5, 5, 1, 'champions'],
    ['32', 5, 1, 0.0, 1, 1, 2, 'hibernating'],
    ['33', 4, 1, 6.5, 2, 2, 3, 'hibernating'],
    ['34', 3, 1, 15.0, 3, 3, 4, 'need_attention'],
    ['35', 2, 1, 100.0, 4, 4, 5, 'loyal_customers']
  ],
  ONE_DAY: [
    ['11', 1, 1, 2.0, 5, 1, 1, 'new_customers'],
    ['12', 1, 1, 4.0, 5, 1, 1, 'new_customers'],
    ['13', 1, 1, 6.0, 5, 2, 2, 'potential_loyalists'],
    ['14', 1, 1, 8.0, 5, 3, 3, 'potential_loyalists'],
    ['15', 1, 1, 10.0, 5, 4, 4, 'champions'],
    ['16', 1, 1, 12.0, 5, 5, 5, 'champions']
  ],
  SINGLE_CUSTOMER: [
    ['7', 1, 2, 13.5, 5, 1, 1, 'new_customers']
  ],
};

const BOOKS: Record<string, RetailLine[]> = {
  BOUNDARY_TIES: F.BOUNDARY_TIES,
  CANCELLATIONS_ONLY: F.CANCELLATIONS_ONLY,
  FEW_RECENCIES: F.FEW_RECENCIES,
  NEGATIVE_PRICES: F.NEGATIVE_PRICES,
  ONE_DAY: F.ONE_DAY,
  SINGLE_CUSTOMER: F.SINGLE_CUSTOMER,
};

function rowsOf(result: RfmResult, ids: string[]): Row[] {
  return ids
    .map((id, c): Row => [
      id,
      result.recency[c]!,
      result.frequency[c]!,
      result.monetary[c]!,
      result.r[c]!,
      result.f[c]!,
      result.m[c]!,
      result.segmentNames[result.segment[c]!] ?? '',
    ])
    .filter((row) => row[7] !== '');
}

const count = (result: RfmResult, name: string) => result.segments.find((s) => s.name === name)?.customerCount;

describe('computeRfm on hand-made fixtures, against pandas', () => {
  for (const name of Object.keys(PANDAS)) {
    it(name, () => {
      const { activity, ids } = activityOf(BOOKS[name]!);
      const result = computeRfm(activity);
      const rows = rowsOf(result, ids);
      expect(rows.map((r) => r.slice(0, 3).concat(r.slice(4)))).toEqual(PANDAS[name]!.map((r) => r.slice(0, 3).concat(r.slice(4))));
      rows.forEach((row, i) => expect(row[3]).toBeCloseTo(PANDAS[name]![i]![3], 9));
      expect(result.customerCount).toBe(PANDAS[name]!.length);
    });
  }
});

describe('computeRfm edge cases', () => {
  it('a single customer is a new customer (R 5, F 1, M 1), recency to latest order + 1 day', () => {
    const result = computeRfm(activityOf(F.SINGLE_CUSTOMER).activity);
    expect(result.asOf?.toISOString()).toBe('2011-03-05T16:30:00.000Z');
    expect([result.recency[0], result.frequency[0], result.r[0], result.f[0], result.m[0]]).toEqual([1, 2, 5, 1, 1]);
    const summary = result.segments.find((s) => s.name === 'new_customers')!;
    expect(summary).toMatchObject({ customerCount: 1, share: 1 });
    expect(summary.frequency).toEqual({ min: 2, max: 2, mean: 2, std: null }); // no sample deviation of one value
    expect(result.segments.find((s) => s.name === 'champions')!.recency).toEqual({ min: null, max: null, mean: null, std: null });
  });

  it('all customers on one day share R 5; F splits them by tie order', () => {
    const result = computeRfm(activityOf(F.ONE_DAY).activity);
    expect(Array.from(result.r)).toEqual([5, 5, 5, 5, 5, 5]);
    expect(Array.from(result.f)).toEqual([1, 1, 2, 3, 4, 5]);
  });

  it('frequency ties at quintile edges follow tieOrder', () => {
    const { activity } = activityOf(F.BOUNDARY_TIES);
    // Customers 6..9 (ids 107..110) have one invoice each; ranks 1-2 get F 1, ranks 3-4 get F 2.
    expect(Array.from(computeRfm(activity).f.slice(6))).toEqual([1, 1, 2, 2]);
    const reversed = Int32Array.from({ length: activity.customerCount }, (_, c) => activity.customerCount - 1 - c);
    expect(Array.from(computeRfm({ ...activity, tieOrder: reversed }).f.slice(6))).toEqual([2, 2, 1, 1]);
  });

  it('rejects a tieOrder that is not a permutation', () => {
    const { activity } = activityOf(F.ONE_DAY);
    const bad = Int32Array.from([0, 1, 2, 3, 4, 4]);
    expect(() => computeRfm({ ...activity, tieOrder: bad })).toThrow(RfmError);
    expect(() => computeRfm({ ...activity, tieOrder: bad })).toThrow(/^rapport\/rfm: tieOrder must be a permutation/);
  });

  it('cancellations only give an empty result', () => {
    const result = computeRfm(activityOf(F.CANCELLATIONS_ONLY).activity);
    expect(result.customerCount).toBe(0);
    expect(result.asOf).toBeNull();
    expect(result.segments).toHaveLength(10);
    expect(result.segments.every((s) => s.customerCount === 0 && s.share === 0 && s.recency.mean === null)).toBe(true);
  });

  it('negative prices count toward monetary and rank lowest', () => {
    const result = computeRfm(activityOf(F.NEGATIVE_PRICES).activity);
    expect(result.monetary[0]).toBeCloseTo(-11057.06, 6);
    expect(result.m[0]).toBe(1);
    expect(result.edges.monetary[0]).toBeCloseTo(-11057.06, 6);
  });

  it('fewer than 5 distinct recencies: empty R bins, ties in the lowest bin reaching them', () => {
    const result = computeRfm(activityOf(F.FEW_RECENCIES).activity);
    expect(Array.from(result.edges.recency)).toEqual([1, 1, 6, 6, 10, 10]);
    expect([...new Set(result.r)].sort()).toEqual([2, 4, 5]);
  });

  it('an asOf before any order gives an empty result, not an error', () => {
    const asOf = new Date('2010-01-01T00:00:00Z');
    const result = computeRfm(activityOf(F.BOUNDARY_TIES).activity, { asOf });
    expect(result.customerCount).toBe(0);
    expect(result.asOf).toEqual(asOf);
    expect(Array.from(result.segment).every((s) => s === -1)).toBe(true);
  });

  it('asOf = latest order + 1 day reproduces the default; asOf counts days before its own', () => {
    const { activity } = activityOf(F.BOUNDARY_TIES);
    const plain = computeRfm(activity);
    const same = computeRfm(activity, { asOf: plain.asOf! });
    expect(Array.from(same.segment)).toEqual(Array.from(plain.segment));
    expect(Array.from(same.recency)).toEqual(Array.from(plain.recency));
    // 2011-02-07 is excluded (customer 101 has orders only that day); recency runs to the asOf instant.
    const cut = computeRfm(activity, { asOf: new Date('2011-02-07T12:00:00Z') });
    expect(cut.customerCount).toBe(9);
    expect(cut.segment[0]).toBe(-1);
    expect(cut.recency[1]).toBe(5); // last order 2011-02-02 09:00
    expect(() => computeRfm(activity, { asOf: new Date('nope') })).toThrow(/rapport\/rfm: asOf is not a valid date/);
  });

  it('rows built from objects may come in any order (no lastSecond: orders at midnight)', () => {
    const activity = activityFromRows(3, [
      { customer: 2, day: 100, invoices: 1, monetary: 5 },
      { customer: 0, day: 90, invoices: 2, monetary: 50 },
      { customer: 0, day: 99, invoices: 1, monetary: 1 },
      { customer: 1, day: 80, invoices: 1, monetary: 7 },
    ]);
    const result = computeRfm(activity);
    expect(Array.from(result.recency)).toEqual([2, 21, 1]);
    expect(Array.from(result.frequency)).toEqual([3, 1, 1]);
    // Frequency ranks c1 1, c2 2, c0 3 over edges 1, 1.4, 1.8, 2.2, 2.6, 3; recency edges 1, 1.4, 1.8, 5.8, 13.4, 21.
    expect(Array.from(result.f)).toEqual([5, 1, 3]);
    expect(Array.from(result.r)).toEqual([3, 1, 5]);
    expect(Array.from(result.segment, (s) => result.segmentNames[s])).toEqual(['loyal_customers', 'hibernating', 'potential_loyalists']);
    expect(count(result, 'loyal_customers')).toBe(1);
  });
});
