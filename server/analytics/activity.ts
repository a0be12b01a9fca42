/**
 * Per-customer daily activity: the input of the RFM, migration and cohort engines.
 *
 * One row per (customer, UTC day) over valid order lines only — lines with a customer, an invoice not starting
 * with `C` (a cancellation) and a positive quantity; negative or zero prices are kept, as the reference method
 * (the seed paper's Table 1, pandas) keeps them. The store maintains these rows on ingest; engines never see order
 * lines. Rows may come in any order, but each (customer, day) pair must appear at most once.
 */

export const SECONDS_PER_DAY = 86_400;
export const MS_PER_DAY = 86_400_000;

export interface DailyActivity {
  /** Customers are 0..customerCount-1; the caller maps them to ids. */
  customerCount: number;
  /** Per row: the customer index. */
  customer: Int32Array;
  /** Per row: days since 1970-01-01 UTC. */
  day: Int32Array;
  /** Per row: distinct invoices that day (an invoice is assumed not to span two days). */
  invoices: Int32Array;
  /** Per row: Σ quantity × unit price that day. */
  monetary: Float64Array;
  /**
   * Per row: seconds after the day's UTC midnight of the latest valid order that day (0..86399). Recency is measured
   * from this instant, as the reference method measures it from the last order's timestamp; without it every
   * order counts as made at midnight, which shifts some customers across a recency quintile edge.
   */
  lastSecond?: Int32Array;
  /**
   * Per customer: the rank that breaks frequency ties (pandas `rank(method='first')` ranks tied values in the order
   * they appear, and the reference's per-customer table is sorted by customer id). To reproduce the reference,
   * supply the rank of the customer's external id in ascending order (`tieOrderFromIds`).
   * Absent: the customer index.
   */
  tieOrder?: Int32Array;
  /** Per customer: an index into a country list the caller holds (-1 unknown), for cohort filters. */
  country?: Int32Array;
}

/** One row as an object, for builders and tests. */
export interface ActivityRow {
  customer: number;
  day: number;
  invoices: number;
  monetary: number;
  lastSecond?: number;
}

/** Builds the typed arrays from row objects. */
export function activityFromRows(
  customerCount: number,
  rows: readonly ActivityRow[],
  extra: Pick<DailyActivity, 'tieOrder' | 'country'> = {},
): DailyActivity {
  const n = rows.length;
  const activity: DailyActivity = {
    customerCount,
    customer: new Int32Array(n),
    day: new Int32Array(n),
    invoices: new Int32Array(n),
    monetary: new Float64Array(n),
    lastSecond: new Int32Array(n),
    ...extra,
  };
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    if (!(row.customer >= 0 && row.customer < customerCount)) {
      throw new RangeError(`rapport/activity: row ${i} names customer ${row.customer}, outside 0..${customerCount - 1}`);
    }
    activity.customer[i] = row.customer;
    activity.day[i] = row.day;
    activity.invoices[i] = row.invoices;
    activity.monetary[i] = row.monetary;
    activity.lastSecond![i] = row.lastSecond ?? 0;
  }
  return activity;
}

/** One order line as a source states it. */
export interface OrderLine {
  /** Customer index, or null/negative for a guest order (ignored). */
  customer: number | null;
  invoice: string;
  /** The order's instant, UTC. */
  at: Date | number;
  quantity: number;
  unitPrice: number;
}

/** True for the lines the analytics count: a customer, not a cancellation, a positive quantity. */
export function isValidOrderLine(line: OrderLine): boolean {
  return line.customer !== null && line.customer >= 0 && !line.invoice.startsWith('C') && line.quantity > 0;
}

/**
 * Aggregates order lines into daily activity, applying the validity rule above. This is the reference for what the
 * store maintains on ingest; it keeps a set of invoices per (customer, day), so it is meant for tests and small data.
 */
export function activityFromOrderLines(
  customerCount: number,
  lines: Iterable<OrderLine>,
  extra: Pick<DailyActivity, 'tieOrder' | 'country'> = {},
): DailyActivity {
  const byKey = new Map<number, { row: ActivityRow; invoices: Set<string> }>();
  for (const line of lines) {
    if (!isValidOrderLine(line)) continue;
    const ms = typeof line.at === 'number' ? line.at : line.at.getTime();
    const day = Math.floor(ms / MS_PER_DAY);
    const second = Math.floor((ms - day * MS_PER_DAY) / 1000);
    const key = line.customer! * 1e6 + (day + 500_000);
    let entry = byKey.get(key);
    if (!entry) {
      entry = { row: { customer: line.customer!, day, invoices: 0, monetary: 0, lastSecond: second }, invoices: new Set() };
      byKey.set(key, entry);
    }
    entry.invoices.add(line.invoice);
    entry.row.monetary += line.quantity * line.unitPrice;
    if (second > entry.row.lastSecond!) entry.row.lastSecond = second;
  }
  const rows: ActivityRow[] = [];
  for (const { row, invoices } of byKey.values()) rows.push({ ...row, invoices: invoices.size });
  return activityFromRows(customerCount, rows, extra);
}

/**
 * The `tieOrder` the reference implies for these external ids (indexed by customer): ascending id, numeric when
 * every id is a number (pandas reads Online Retail's CustomerID as a float), else by code unit.
 */
export function tieOrderFromIds(ids: readonly string[]): Int32Array {
  const numeric = ids.every((id) => /^-?\d+(\.\d+)?$/.test(id.trim()));
  const order = ids.map((_, c) => c);
  order.sort((a, b) => {
    const x = ids[a]!;
    const y = ids[b]!;
    const byValue = numeric ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
    return byValue || a - b;
  });
  const rank = new Int32Array(ids.length);
  order.forEach((c, position) => (rank[c] = position));
  return rank;
}

/** A per-customer boolean mask (1 = selected) from a list of customer indices. */
export function maskFromIndices(customerCount: number, indices: ArrayLike<number>): Uint8Array {
  const mask = new Uint8Array(customerCount);
  for (let i = 0; i < indices.length; i++) {
    const c = indices[i]!;
    if (c >= 0 && c < customerCount) mask[c] = 1;
  }
  return mask;
}

/** A per-customer mask of the customers whose value (a segment index, a country index …) is one of `wanted`. */
export function maskFromValues(values: ArrayLike<number>, wanted: readonly number[]): Uint8Array {
  const mask = new Uint8Array(values.length);
  const set = new Set(wanted);
  for (let c = 0; c < values.length; c++) if (set.has(values[c]!)) mask[c] = 1;
  return mask;
}
