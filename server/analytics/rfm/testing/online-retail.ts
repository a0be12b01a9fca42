/**
 * A plain loader of UCI Online Retail (gzip CSV) for tests and benchmarks: the raw lines, and the daily activity
 * the store would maintain from them. Customers are indexed in order of first appearance; `tieOrder` is ascending
 * numeric CustomerID, the reference's (pandas groupby sorts its keys).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { activityFromOrderLines, tieOrderFromIds, type DailyActivity, type OrderLine } from '../../activity';

export interface RetailLine {
  invoice: string;
  quantity: number;
  unitPrice: number;
  /** `YYYY-MM-DD HH:MM:SS`, read as UTC. */
  invoiceDate: string;
  customerId: string | null;
  country: string;
}

export interface OnlineRetail {
  lines: RetailLine[];
  /** External ids by customer index (order of first appearance). */
  customerIds: string[];
  countries: string[];
  activity: DailyActivity;
}

export function parseUtc(text: string): number {
  const [date, time = '00:00:00'] = text.split(' ');
  const [y, mo, d] = date!.split('-').map(Number);
  const [h, mi, s] = time.split(':').map(Number);
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s ?? 0);
}

export function loadOnlineRetail(file: string): OnlineRetail {
  const rows: string[][] = parse(gunzipSync(readFileSync(file)), { from_line: 2 });
  const lines = rows.map(
    (r): RetailLine => ({
      invoice: r[0]!,
      quantity: Number(r[3]),
      invoiceDate: r[4]!,
      unitPrice: Number(r[5]),
      customerId: r[6] === '' ? null : r[6]!,
      country: r[7]!,
    }),
  );
  // Indexed in order of first appearance, as a store inserting them would; the tie order comes from the ids.
  const customerIds = [...new Set(lines.map((l) => l.customerId).filter((id): id is string => id !== null))];
  const indexOf = new Map(customerIds.map((id, i) => [id, i]));
  const countries = [...new Set(lines.map((l) => l.country))].sort();
  const country = new Int32Array(customerIds.length).fill(-1);
  for (const l of lines) {
    if (l.customerId !== null && country[indexOf.get(l.customerId)!] === -1) {
      country[indexOf.get(l.customerId)!] = countries.indexOf(l.country);
    }
  }
  const orderLines = lines.map(
    (l): OrderLine => ({
      customer: l.customerId === null ? null : indexOf.get(l.customerId)!,
      invoice: l.invoice,
      at: parseUtc(l.invoiceDate),
      quantity: l.quantity,
      unitPrice: l.unitPrice,
    }),
  );
  const activity = activityFromOrderLines(customerIds.length, orderLines, { country, tieOrder: tieOrderFromIds(customerIds) });
  return { lines, customerIds, countries, activity };
}
