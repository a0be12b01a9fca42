/**
 * Time windows for group evolution: calendar periods in UTC (week from Monday, month, quarter, year) or fixed
 * spans of `days`. A tie is active in the window its time stamp falls in (first/last-seen spans are the caller's
 * to expand into one stamp per period if they want ties to persist). Only windows from the first to the last
 * stamp are returned, empty ones included, so trends see gaps.
 */
import { at, fail, MS_PER_DAY, type NetworkInput } from './input';

export type Period = 'week' | 'month' | 'quarter' | 'year' | { days: number };

export interface TimeWindow {
  readonly index: number;
  /** Inclusive start and exclusive end, ms since the epoch (UTC). */
  readonly start: number;
  readonly end: number;
  /** `2026-03`, `2026-Q1`, `2026`, `2026-03-02` (week or days: the start date). */
  readonly label: string;
  /** Tie indices active in the window. */
  readonly ties: Uint32Array;
}

export function timeWindows(input: NetworkInput, period: Period = 'month'): TimeWindow[] {
  const time = input.time;
  if (time === undefined) fail('evolution: ties need time stamps (input.time)');
  const unit = input.timeUnit === 'days' ? MS_PER_DAY : 1;
  const m = input.source.length;
  if (m === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (let e = 0; e < m; e++) {
    const t = at(time, e, NaN) * unit;
    if (!Number.isFinite(t)) fail(`evolution: tie ${e} has no time stamp`);
    min = Math.min(min, t);
    max = Math.max(max, t);
  }
  const starts: number[] = [];
  for (let s = floor(min, period); s <= max; s = next(s, period)) {
    starts.push(s);
    if (starts.length > 10_000) fail(`evolution: more than 10,000 windows — is timeUnit right (${input.timeUnit ?? 'ms'})?`);
  }
  const buckets: number[][] = starts.map(() => []);
  for (let e = 0; e < m; e++) {
    const t = time[e]! * unit;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= t) lo = mid;
      else hi = mid - 1;
    }
    buckets[lo]!.push(e);
  }
  return starts.map((start, index) => ({
    index,
    start,
    end: next(start, period),
    label: label(start, period),
    ties: Uint32Array.from(buckets[index]!),
  }));
}

function floor(t: number, period: Period): number {
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const mo = d.getUTCMonth();
  if (typeof period === 'object') {
    if (!(period.days > 0)) fail(`evolution: period days must be > 0, got ${period.days}`);
    const span = period.days * MS_PER_DAY;
    return Math.floor(t / span) * span;
  }
  switch (period) {
    case 'week': {
      const day = Math.floor(t / MS_PER_DAY);
      return (day - ((day + 3) % 7)) * MS_PER_DAY; // 1970-01-01 was a Thursday; weeks start on Monday
    }
    case 'month': return Date.UTC(y, mo, 1);
    case 'quarter': return Date.UTC(y, mo - (mo % 3), 1);
    case 'year': return Date.UTC(y, 0, 1);
    default: return fail(`evolution: unknown period ${String(period)}`);
  }
}

function next(start: number, period: Period): number {
  const d = new Date(start);
  if (typeof period === 'object') return start + period.days * MS_PER_DAY;
  switch (period) {
    case 'week': return start + 7 * MS_PER_DAY;
    case 'month': return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    case 'quarter': return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 3, 1);
    default: return Date.UTC(d.getUTCFullYear() + 1, 0, 1);
  }
}

function label(start: number, period: Period): string {
  const iso = new Date(start).toISOString();
  if (period === 'month') return iso.slice(0, 7);
  if (period === 'year') return iso.slice(0, 4);
  if (period === 'quarter') return `${iso.slice(0, 4)}-Q${Math.floor(new Date(start).getUTCMonth() / 3) + 1}`;
  return iso.slice(0, 10);
}
