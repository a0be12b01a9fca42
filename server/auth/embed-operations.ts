/**
 * The operations embed tokens may run: the widgets' own, as named documents keyed by the sha256 of their text.
 * A widget sends either the document (matched by its hash, whitespace aside) or only the hash
 * (`extensions.persistedQuery.sha256Hash`). Everything else is refused for tokens; API keys are not limited to
 * this list. The widgets' own documents come from `widgets/operations.ts`, so they cannot drift from what the widgets
 * send; the named documents below are the same operations for hosts that query the API themselves.
 *
 * A token bound to customers may run an operation naming a customer (`customerVariable`) only for one of them,
 * and the aggregate ones (counts and statistics, no customer named); the rest need an unbound token. A token minted
 * with `operations` runs only those (by name: `RapportFeed`, `Customer`, …).
 */
import { createHash } from 'node:crypto';
import { parse, print } from 'graphql';
import { widgetOperations } from '../../widgets/operations.js';

export interface EmbedOperation {
  name: string;
  document: string;
  /** The variable holding the customer (global id) the operation is about. */
  customerVariable?: string;
  /** Returns statistics over the tenant, never a customer's identity or rows. */
  aggregate?: boolean;
  /** A variable's values that make an aggregate operation answer customer by customer (then it is not aggregate). */
  perCustomerWhen?: { variable: string; values: readonly string[] };
}

const STATS = 'min max mean std';

const OPERATIONS: EmbedOperation[] = [
  {
    name: 'RfmSegments',
    aggregate: true,
    document: `query RfmSegments($asOf: DateTime, $segmentMap: String) {
  rfm(asOf: $asOf, segmentMap: $segmentMap) { asOf customerCount segmentMap segments { name customerCount share recency { ${STATS} } frequency { ${STATS} } monetary { ${STATS} } } }
}`,
  },
  {
    name: 'Cohorts',
    aggregate: true,
    document: `query Cohorts($period: CohortPeriod, $metric: CohortMetric, $from: DateTime, $to: DateTime, $segment: String, $country: String) {
  cohorts(period: $period, metric: $metric, from: $from, to: $to, segment: $segment, country: $country) { period metric cohorts { start size values } }
}`,
  },
  {
    name: 'Customers',
    document: `query Customers($first: Int, $after: String, $search: String, $segment: String, $segmentMap: String) {
  customers(first: $first, after: $after, search: $search, segment: $segment, segmentMap: $segmentMap) {
    totalCount edges { cursor node { id externalId name country rfm(segmentMap: $segmentMap) { recency frequency monetary r f m segment } } } pageInfo { hasNextPage endCursor }
  }
}`,
  },
  {
    name: 'Customer',
    customerVariable: 'id',
    document: `query Customer($id: ID!) {
  customer(id: $id) { id externalId name country stats { firstOrderAt lastOrderAt invoices monetary } rfm { recency frequency monetary r f m segment } }
}`,
  },
  {
    name: 'Interactions',
    customerVariable: 'customer',
    document: `query Interactions($first: Int, $after: String, $channel: Channel, $sentiment: Sentiment, $customer: ID, $from: DateTime, $to: DateTime) {
  interactions(first: $first, after: $after, channel: $channel, sentiment: $sentiment, customer: $customer, from: $from, to: $to) {
    totalCount edges { cursor node { id channel occurredAt text sentiment { label probabilities { positive neutral negative } } customer { id externalId name } } } pageInfo { hasNextPage endCursor }
  }
}`,
  },
  {
    name: 'Network',
    document: `query Network($influencers: Int) {
  network { modularity communities { id size } influencers(first: $influencers) { customer { id externalId name } pageRank score } }
}`,
  },
  {
    name: 'EgoNetwork',
    customerVariable: 'customer',
    document: `query EgoNetwork($customer: ID!, $radius: Int, $first: Int) {
  network { egoNetwork(customer: $customer, radius: $radius, first: $first) { totalAlters truncated nodes { distance pageRank tieWeight customer { id externalId name } } edges { source target weight } } }
}`,
  },
  {
    name: 'InteractionAdded',
    document: `subscription InteractionAdded($channel: Channel, $sentiment: Sentiment) {
  interactionAdded(channel: $channel, sentiment: $sentiment) { id channel occurredAt text sentiment { label probabilities { positive neutral negative } } customer { id externalId name } }
}`,
  },
];

/** A widget document is named by its operation name (`RapportFeed`, …). */
const WIDGET_OPERATIONS: EmbedOperation[] = widgetOperations();

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Whitespace and commas do not change an operation: `print(parse(…))` is its canonical text. */
function canonical(document: string): string | null {
  try {
    return print(parse(document));
  } catch {
    return null;
  }
}

const byHash = new Map<string, EmbedOperation>();
for (const op of [...OPERATIONS, ...WIDGET_OPERATIONS]) {
  byHash.set(sha256(op.document), op);
  byHash.set(sha256(canonical(op.document)!), op);
}

/** The allow-listed operation with this exact or canonical text, or null. */
export function embedOperationByDocument(document: string): EmbedOperation | null {
  const exact = byHash.get(sha256(document));
  if (exact) return exact;
  const text = canonical(document);
  return text === null ? null : (byHash.get(sha256(text)) ?? null);
}

export function embedOperationByHash(hash: string): EmbedOperation | null {
  return byHash.get(hash.toLowerCase()) ?? null;
}

/** The operations' names, each once, in the order above (a token's `operations` are chosen among them). */
export function embedOperationNames(): string[] {
  return [...new Set([...OPERATIONS, ...WIDGET_OPERATIONS].map((op) => op.name))];
}

/** Hash → name and document, for the widgets and the docs. */
export function embedOperations(): { name: string; sha256: string; document: string }[] {
  return [...OPERATIONS, ...WIDGET_OPERATIONS].map((op) => ({ name: op.name, sha256: sha256(op.document), document: op.document }));
}
