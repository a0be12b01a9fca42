/** Customer selection and row grouping for the cohort engine. */
import { CohortError } from './errors';

export interface CustomerFilter {
  /** Per customer, 1 = included. */
  customerMask?: Uint8Array;
  /** Customer indices to include; with a mask too, a customer must be in both. */
  customerIndices?: ArrayLike<number>;
}

/** The per-customer mask of a filter (everyone when it names nothing). */
export function selectCustomers(n: number, options: CustomerFilter): Uint8Array {
  const mask = new Uint8Array(n);
  if (options.customerMask) {
    if (options.customerMask.length !== n) {
      throw new CohortError('INVALID_OPTIONS', `customerMask has ${options.customerMask.length} entries for ${n} customers`);
    }
    mask.set(options.customerMask);
  } else mask.fill(1);
  if (options.customerIndices) {
    const listed = new Uint8Array(n);
    for (let i = 0; i < options.customerIndices.length; i++) {
      const c = options.customerIndices[i]!;
      if (c >= 0 && c < n) listed[c] = 1;
    }
    for (let c = 0; c < n; c++) mask[c]! &= listed[c]!;
  }
  return mask;
}

/** Row indices grouped by customer (a counting sort): rows of customer c are rows[start[c]..start[c+1]). */
export function rowsByCustomer(customer: Int32Array, n: number): { start: Int32Array; rows: Int32Array } {
  const start = new Int32Array(n + 1);
  for (let i = 0; i < customer.length; i++) start[customer[i]! + 1]!++;
  for (let c = 0; c < n; c++) start[c + 1]! += start[c]!;
  const next = start.slice(0, n);
  const rows = new Int32Array(customer.length);
  for (let i = 0; i < customer.length; i++) rows[next[customer[i]!]!++] = i;
  return { start, rows };
}
