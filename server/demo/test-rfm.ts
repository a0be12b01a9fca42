import type { OrderRecord } from '../ingest/types.js';

export const SEGMENTS = [
  'champions', 'loyal_customers', 'potential_loyalists', 'new_customers', 'promising',
  'need_attention', 'about_to_sleep', 'at_risk', 'cant_lose', 'hibernating',
] as const;

/** The spec's R,F map, written out cell by cell. */
export function segmentOf(r: number, f: number): string {
  if (r <= 2) return f <= 2 ? 'hibernating' : f <= 4 ? 'at_risk' : 'cant_lose';
  if (r === 3) return f <= 2 ? 'about_to_sleep' : f === 3 ? 'need_attention' : 'loyal_customers';
  if (r === 4) return f === 1 ? 'promising' : f <= 3 ? 'potential_loyalists' : 'loyal_customers';
  return f === 1 ? 'new_customers' : f <= 3 ? 'potential_loyalists' : 'champions';
}

/** Plain RFM per the spec: quintiles by rank, ties broken by first appearance in the orders. */
export function rfmSegments(orders: OrderRecord[]): Map<string, string> {
  const DAY = 86_400_000;
  const stats = new Map<string, { first: number; last: number; invoices: Set<string> }>();
  let latest = -Infinity;
  orders.forEach((o, index) => {
    if (o.customerExternalId === null || o.invoice.startsWith('C') || o.quantity <= 0) return;
    const t = o.orderedAt.getTime();
    latest = Math.max(latest, t);
    const s = stats.get(o.customerExternalId) ?? { first: index, last: -Infinity, invoices: new Set<string>() };
    s.last = Math.max(s.last, t);
    s.invoices.add(o.invoice);
    stats.set(o.customerExternalId, s);
  });
  const asOf = latest + DAY;
  const rows = [...stats].map(([id, s]) => ({
    id,
    first: s.first,
    recency: Math.floor((asOf - s.last) / DAY),
    frequency: s.invoices.size,
  }));
  const n = rows.length;
  const quintile = (rank: number) => Math.floor((rank * 5) / n) + 1;
  const r = new Map<string, number>();
  const f = new Map<string, number>();
  const byRecency = [...rows].sort((a, b) => b.recency - a.recency || a.first - b.first);
  byRecency.forEach((row, k) => r.set(row.id, quintile(k)));
  const byFrequency = [...rows].sort((a, b) => a.frequency - b.frequency || a.first - b.first);
  byFrequency.forEach((row, k) => f.set(row.id, quintile(k)));
  return new Map(rows.map((row) => [row.id, segmentOf(r.get(row.id)!, f.get(row.id)!)]));
}
