import { describe, expect, it } from 'vitest';
import { RfmError } from './errors';
import { migrationMatrix, segmentMigration } from './migration';
import { computeRfm } from './rfm';
import * as F from './testing/fixtures';

describe('segment migration', () => {
  const { activity } = F.activityOf(F.BOUNDARY_TIES);
  const from = new Date('2011-01-24T00:00:00Z');
  const to = new Date('2011-02-08T12:00:00Z');

  it('counts moves between two dates; customers new since `from` form the last row', () => {
    const migration = segmentMigration(activity, from, to);
    const before = computeRfm(activity, { asOf: from });
    const after = computeRfm(activity, { asOf: to });
    expect(migration.rows).toEqual([...migration.segments, 'new']);
    expect(migration.columns).toEqual(migration.segments);
    // Totals: rows are the segment sizes at `from` plus the new customers; columns the sizes at `to`.
    expect(migration.rowTotals.slice(0, -1)).toEqual(before.segments.map((s) => s.customerCount));
    expect(migration.rowTotals.at(-1)).toBe(after.customerCount - before.customerCount);
    expect(migration.columnTotals).toEqual(after.segments.map((s) => s.customerCount));
    expect(migration.total).toBe(10);
    expect(before.customerCount).toBe(6); // ids 105..110 ordered before 2011-01-24
    expect(migration.rowTotals.at(-1)).toBe(4);
    // Each customer is counted once, in the cell of its two segments.
    for (let c = 0; c < activity.customerCount; c++) {
      const row = before.segment[c]! < 0 ? migration.segments.length : before.segment[c]!;
      expect(migration.counts[row]![after.segment[c]!]).toBeGreaterThan(0);
    }
    expect(migration.counts.flat().reduce((s, v) => s + v, 0)).toBe(10);
    expect(migration.from).toEqual(from);
    expect(migration.to).toEqual(to);
  });

  it('the same date twice is the diagonal', () => {
    const migration = segmentMigration(activity, to, to);
    const k = migration.segments.length;
    for (let i = 0; i <= k; i++)
      for (let j = 0; j < k; j++) if (i !== j) expect(migration.counts[i]![j]).toBe(0);
    expect(migration.rowTotals[k]).toBe(0);
  });

  it('from before any order: everyone is new', () => {
    const migration = segmentMigration(activity, new Date('2000-01-01'), to);
    expect(migration.rowTotals.at(-1)).toBe(10);
    expect(migration.from).toEqual(new Date('2000-01-01'));
  });

  it('rejects reversed dates and snapshots of different maps', () => {
    expect(() => segmentMigration(activity, to, from)).toThrow(/rapport\/rfm: migration needs from ≤ to/);
    const other = computeRfm(activity, { segmentMap: { rules: [{ name: 'all' }] } });
    expect(() => migrationMatrix(computeRfm(activity), other)).toThrow(RfmError);
    expect(() => migrationMatrix(computeRfm(activity), computeRfm(activity, { asOf: from }))).toThrow(/earlier snapshot first/);
  });
});
