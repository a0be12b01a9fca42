/**
 * Per-segment descriptive statistics, as pandas `groupby('segment')[…].describe()` reports them for the seed
 * paper's Table 1: count, min, max, mean and the sample standard deviation (ddof = 1). A segment of one customer
 * has no sample deviation (pandas: NaN; here null); an empty segment has null statistics.
 */

export interface Stats {
  min: number | null;
  max: number | null;
  mean: number | null;
  /** Sample standard deviation (n − 1 in the denominator). */
  std: number | null;
}

export interface SegmentSummary {
  name: string;
  index: number;
  customerCount: number;
  /** customerCount / all scored customers; 0 when nobody is scored. */
  share: number;
  recency: Stats;
  frequency: Stats;
  monetary: Stats;
}

/** Statistics of `values` for every segment at once: one pass for min, max and mean, one for the deviation. */
function statsBySegment(segment: Int16Array, counts: Int32Array, values: ArrayLike<number>): Stats[] {
  const k = counts.length;
  const min = new Float64Array(k).fill(Infinity);
  const max = new Float64Array(k).fill(-Infinity);
  const sum = new Float64Array(k);
  for (let c = 0; c < segment.length; c++) {
    const s = segment[c]!;
    if (s < 0) continue;
    const v = values[c]!;
    if (v < min[s]!) min[s] = v;
    if (v > max[s]!) max[s] = v;
    sum[s]! += v;
  }
  const mean = sum.map((total, s) => total / counts[s]!);
  const squares = new Float64Array(k);
  for (let c = 0; c < segment.length; c++) {
    const s = segment[c]!;
    if (s < 0) continue;
    const d = values[c]! - mean[s]!;
    squares[s]! += d * d;
  }
  return Array.from(counts, (n, s): Stats => {
    if (n === 0) return { min: null, max: null, mean: null, std: null };
    return { min: min[s]!, max: max[s]!, mean: mean[s]!, std: n < 2 ? null : Math.sqrt(squares[s]! / (n - 1)) };
  });
}

/** Summaries in the map's order, empty segments included. `segment[c]` is -1 for customers not scored. */
export function summarizeSegments(
  names: readonly string[],
  segment: Int16Array,
  recency: ArrayLike<number>,
  frequency: ArrayLike<number>,
  monetary: ArrayLike<number>,
): SegmentSummary[] {
  const counts = new Int32Array(names.length);
  let total = 0;
  for (let c = 0; c < segment.length; c++) {
    const s = segment[c]!;
    if (s >= 0) {
      counts[s]!++;
      total++;
    }
  }
  const r = statsBySegment(segment, counts, recency);
  const f = statsBySegment(segment, counts, frequency);
  const m = statsBySegment(segment, counts, monetary);
  return names.map((name, s) => ({
    name,
    index: s,
    customerCount: counts[s]!,
    share: total === 0 ? 0 : counts[s]! / total,
    recency: r[s]!,
    frequency: f[s]!,
    monetary: m[s]!,
  }));
}
