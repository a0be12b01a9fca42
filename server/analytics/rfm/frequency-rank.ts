/**
 * Frequency ranks as pandas `Series.rank(method='first')` gives them: ascending frequency, tied customers ranked in
 * the order they appear — here `DailyActivity.tieOrder` (the reference table is sorted by customer id).
 * A counting sort over frequencies, O(customers + max frequency), instead of a comparison sort.
 */
import type { DailyActivity } from '../activity';
import { RfmError } from './errors';

/** Customers in tie-breaking order: the inverse of `tieOrder`, which must be a permutation of 0..n-1. */
export function tieSequence(activity: DailyActivity): Int32Array {
  const n = activity.customerCount;
  const sequence = new Int32Array(n);
  const order = activity.tieOrder;
  if (!order) {
    for (let c = 0; c < n; c++) sequence[c] = c;
    return sequence;
  }
  if (order.length !== n) throw new RfmError('INVALID_INPUT', `tieOrder has ${order.length} entries for ${n} customers`);
  sequence.fill(-1);
  for (let c = 0; c < n; c++) {
    const t = order[c]!;
    if (t < 0 || t >= n || sequence[t] !== -1) {
      throw new RfmError('INVALID_INPUT', `tieOrder must be a permutation of 0..${n - 1} (customer ${c} has ${t})`);
    }
    sequence[t] = c;
  }
  return sequence;
}

/** Ranks 1..k of the scored customers (those with `lastAt` > -Infinity); 0 for the others. */
export function frequencyRanks(activity: DailyActivity, frequency: Int32Array, lastAt: Float64Array): Int32Array {
  let maxFrequency = 0;
  for (let c = 0; c < frequency.length; c++) if (frequency[c]! > maxFrequency) maxFrequency = frequency[c]!;
  const next = new Int32Array(maxFrequency + 2);
  for (let c = 0; c < frequency.length; c++) if (lastAt[c]! > -Infinity) next[frequency[c]! + 1]!++;
  for (let v = 1; v < next.length; v++) next[v]! += next[v - 1]!;
  const rank = new Int32Array(frequency.length);
  const sequence = tieSequence(activity);
  for (let t = 0; t < sequence.length; t++) {
    const c = sequence[t]!;
    if (lastAt[c]! > -Infinity) rank[c] = ++next[frequency[c]!]!;
  }
  return rank;
}
