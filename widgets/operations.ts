/**
 * Every GraphQL document the widgets send, with what it reveals. Embed tokens may run exactly these
 * (server/auth/embed-operations.ts builds its allow-list from this list), so a widget's query and the allow-list
 * cannot drift apart. Browser-safe: strings only.
 */
import { cohortsQuery } from './cohort/query.js';
import { METRICS, PERIODS } from './cohort/types.js';
import { EXPLAIN, PAGE, SUBSCRIPTION, SUMMARY } from './feed/query.js';
import { EDGES, EGO, EVOLUTION, MORE, NETWORK } from './graph/query.js';
import { rfmQuery } from './rfm/query.js';

export interface WidgetOperation {
  /** The element that sends it. */
  widget: string;
  /** The document's operation name (`RapportFeed`, …): what embed tokens' `operations` list. */
  name: string;
  document: string;
  /** The variable holding the customer (global id) the operation is about. */
  customerVariable?: string;
  /** Returns statistics over the tenant (or nothing of it), never a customer's identity or rows. */
  aggregate?: boolean;
  /** A variable's values that make an aggregate operation answer customer by customer (then it is not aggregate). */
  perCustomerWhen?: { variable: string; values: readonly string[] };
}

export function widgetOperations(): WidgetOperation[] {
  return operations().map((op) => ({ ...op, name: operationName(op.document) }));
}

function operationName(document: string): string {
  const match = /^\s*(?:query|subscription)\s+(\w+)/.exec(document);
  if (!match) throw new Error(`rapport/widgets: an operation without a name: ${document.slice(0, 60)}`);
  return match[1]!;
}

function operations(): Omit<WidgetOperation, 'name'>[] {
  const map = 'rapport-segment-map';
  const heatmap = 'rapport-cohort-heatmap';
  const graph = 'rapport-influencer-graph';
  const feed = 'rapport-sentiment-feed';
  return [
    { widget: map, document: rfmQuery(false), aggregate: true },
    { widget: map, document: rfmQuery(true), aggregate: true },
    ...PERIODS.flatMap((period) => METRICS.map((metric) => ({ widget: heatmap, document: cohortsQuery(period, metric), aggregate: true }))),
    { widget: graph, document: NETWORK },
    { widget: graph, document: MORE },
    { widget: graph, document: EDGES },
    { widget: graph, document: EVOLUTION },
    { widget: graph, document: EGO, customerVariable: 'id' },
    { widget: feed, document: PAGE },
    { widget: feed, document: SUMMARY, aggregate: true, perCustomerWhen: { variable: 'groupBy', values: ['CUSTOMER'] } },
    { widget: feed, document: SUBSCRIPTION },
    // The server model's token weights for a text the feed already shows: no tenant data comes back.
    { widget: feed, document: EXPLAIN, aggregate: true },
  ];
}
