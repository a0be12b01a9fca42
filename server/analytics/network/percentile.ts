/**
 * Percentile ranks 0–100 with mid-ranks for ties: 100·(#lower + (#equal − 1)/2)/(n − 1). The top value gets 100,
 * the bottom 0, all-equal values 50; "influence 97" reads "above 97 % of customers".
 */
import type { NumericColumn } from './input';

export function percentileRanks(values: NumericColumn): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  if (n === 0) return out;
  if (n === 1) {
    out[0] = 100;
    return out;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && values[order[end]!] === values[order[start]!]) end++;
    const rank = (100 * (start + (end - start - 1) / 2)) / (n - 1);
    for (let i = start; i < end; i++) out[order[i]!] = rank;
    start = end;
  }
  return out;
}
