/**
 * computeRfm against a naive implementation (objects, comparison sorts) on random activity: the typed-array
 * shortcuts (counting-sort ranks, per-row accumulation, asOf cut) must not change any score.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activityFromRows, type ActivityRow } from '../activity';
import { binOf, quantileEdges, rankEdges } from './qcut';
import { computeRfm } from './rfm';

function naive(n: number, rows: ActivityRow[], tieOrder: number[], asOfDay?: number) {
  const seen = new Map<number, { last: number; frequency: number; monetary: number }>();
  let latest = -Infinity;
  for (const row of rows) {
    if (asOfDay !== undefined && row.day >= asOfDay) continue;
    const t = row.day * 86_400 + (row.lastSecond ?? 0);
    const c = seen.get(row.customer) ?? { last: -Infinity, frequency: 0, monetary: 0 };
    seen.set(row.customer, { last: Math.max(c.last, t), frequency: c.frequency + row.invoices, monetary: c.monetary + row.monetary });
    latest = Math.max(latest, t);
  }
  const reference = asOfDay !== undefined ? asOfDay * 86_400 : latest + 86_400;
  const customers = [...seen.keys()].sort((a, b) => a - b);
  const recency = new Map(customers.map((c) => [c, Math.floor((reference - seen.get(c)!.last) / 86_400)]));
  const rEdges = quantileEdges(customers.map((c) => recency.get(c)!).sort((a, b) => a - b));
  const mEdges = quantileEdges(customers.map((c) => seen.get(c)!.monetary).sort((a, b) => a - b));
  const byRank = [...customers].sort((a, b) => seen.get(a)!.frequency - seen.get(b)!.frequency || tieOrder[a]! - tieOrder[b]!);
  const fEdges = rankEdges(customers.length);
  const out = Array.from({ length: n }, () => [0, 0, 0]);
  byRank.forEach((c, i) => {
    out[c] = [5 - binOf(rEdges, recency.get(c)!), binOf(fEdges, i + 1) + 1, binOf(mEdges, seen.get(c)!.monetary) + 1];
  });
  return out;
}

const activityArb = fc
  .integer({ min: 1, max: 40 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      cells: fc.uniqueArray(
        fc.record({
          customer: fc.integer({ min: 0, max: n - 1 }),
          day: fc.integer({ min: 15_000, max: 15_060 }),
          invoices: fc.integer({ min: 1, max: 4 }),
          monetary: fc.integer({ min: -50, max: 500 }),
          lastSecond: fc.integer({ min: 0, max: 86_399 }),
        }),
        { selector: (r) => `${r.customer}|${r.day}`, maxLength: 120 },
      ),
      tieOrder: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
      asOfDay: fc.option(fc.integer({ min: 15_000, max: 15_061 }), { nil: undefined }),
    }),
  );

describe('computeRfm equals a naive implementation', () => {
  it('on random activity, tie orders and asOf dates', () => {
    fc.assert(
      fc.property(activityArb, ({ n, cells, tieOrder, asOfDay }) => {
        const activity = activityFromRows(n, cells, { tieOrder: Int32Array.from(tieOrder) });
        const result = computeRfm(activity, asOfDay === undefined ? {} : { asOf: asOfDay * 86_400_000 });
        const got = Array.from({ length: n }, (_, c) => [result.r[c], result.f[c], result.m[c]]);
        expect(got).toEqual(naive(n, cells, tieOrder, asOfDay));
        expect(result.segments.reduce((s, x) => s + x.customerCount, 0)).toBe(result.customerCount);
      }),
      { numRuns: 300, seed: 20111209 },
    );
  });
});
