import type { FeedItem, SentimentPoint } from './types.js';

/** Net sentiment by UTC day from the items' labels, oldest first (for host-supplied data without a summary). */
export function summarize(items: readonly FeedItem[]): SentimentPoint[] {
  const days = new Map<string, { count: number; pos: number; neg: number; labelled: number }>();
  for (const item of items) {
    const key = item.occurredAt.slice(0, 10);
    const day = days.get(key) ?? { count: 0, pos: 0, neg: 0, labelled: 0 };
    day.count++;
    const label = item.sentiment?.label;
    if (label) {
      day.labelled++;
      if (label === 'positive') day.pos++;
      if (label === 'negative') day.neg++;
    }
    days.set(key, day);
  }
  return [...days.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, d]) => ({ key, count: d.count, net: d.labelled ? (d.pos - d.neg) / d.labelled : null }));
}
