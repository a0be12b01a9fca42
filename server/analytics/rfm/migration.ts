/**
 * Segment migration: RFM segments at two dates (each scored against its own population, as a report run on that
 * date would be) and the matrix of customer counts from each segment at `from` to each segment at `to`.
 * Customers scored at `to` but with no activity before `from` are counted in a last row named `new`.
 */
import type { DailyActivity } from '../activity';
import { RfmError } from './errors';
import { computeRfm, RFM_DEFAULTS, type RfmResult } from './rfm';
import { compileSegmentMap, type CompiledSegmentMap, type SegmentMap } from './segment-map';

export const NEW_CUSTOMERS_ROW = 'new';

export interface MigrationOptions {
  /** @default DEFAULT_SEGMENT_MAP */
  segmentMap?: SegmentMap | CompiledSegmentMap;
}

export interface SegmentMigration {
  /** Reference instants of the two snapshots (null when nothing was scored and no date given). */
  from: Date | null;
  to: Date | null;
  segments: readonly string[];
  /** The segments, then `new`. */
  rows: readonly string[];
  /** The segments. */
  columns: readonly string[];
  /** counts[row][column]: customers in segment `rows[row]` at `from` and `columns[column]` at `to`. */
  counts: number[][];
  /** Customers per row (segment sizes at `from`; the last is the new customers). */
  rowTotals: number[];
  /** Customers per column (segment sizes at `to`). */
  columnTotals: number[];
  /** Customers scored at `to`. */
  total: number;
}

/** The matrix between two results of `computeRfm` over the same customers and segment map, earlier first. */
export function migrationMatrix(before: RfmResult, after: RfmResult): SegmentMigration {
  const names = after.segmentNames;
  if (before.segmentNames.join('\u0000') !== names.join('\u0000')) {
    throw new RfmError('INVALID_INPUT', 'migration needs both snapshots scored with the same segment map');
  }
  if (before.segment.length !== after.segment.length) {
    throw new RfmError('INVALID_INPUT', 'migration needs both snapshots over the same customers');
  }
  const k = names.length;
  const counts = Array.from({ length: k + 1 }, () => new Array<number>(k).fill(0));
  for (let c = 0; c < after.segment.length; c++) {
    const a = before.segment[c]!;
    const b = after.segment[c]!;
    if (b < 0) {
      if (a >= 0) throw new RfmError('INVALID_INPUT', `customer ${c} is scored at the earlier date only; pass the earlier snapshot first`);
      continue;
    }
    counts[a < 0 ? k : a]![b]!++;
  }
  const rowTotals = counts.map((row) => row.reduce((s, v) => s + v, 0));
  const columnTotals = names.map((_, j) => counts.reduce((s, row) => s + row[j]!, 0));
  return {
    from: before.asOf,
    to: after.asOf,
    segments: names,
    rows: [...names, NEW_CUSTOMERS_ROW],
    columns: names,
    counts,
    rowTotals,
    columnTotals,
    total: rowTotals.reduce((s, v) => s + v, 0),
  };
}

/** Scores the activity at `from` and at `to` (each an `asOf`, see computeRfm) and counts the moves. */
export function segmentMigration(
  activity: DailyActivity,
  from: Date | number,
  to: Date | number,
  options: MigrationOptions = {},
): SegmentMigration {
  const fromMs = typeof from === 'number' ? from : from.getTime();
  const toMs = typeof to === 'number' ? to : to.getTime();
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs)) throw new RfmError('INVALID_OPTIONS', 'migration dates must be valid');
  if (fromMs > toMs) throw new RfmError('INVALID_OPTIONS', 'migration needs from ≤ to');
  const given = options.segmentMap ?? RFM_DEFAULTS.segmentMap;
  const segmentMap = 'lookup' in given ? given : compileSegmentMap(given);
  return migrationMatrix(computeRfm(activity, { asOf: fromMs, segmentMap }), computeRfm(activity, { asOf: toMs, segmentMap }));
}
