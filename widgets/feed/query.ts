import type { RapportClient } from '../kit/client.js';
import type { FeedItem, SentimentPoint, TokenWeight } from './types.js';

export const ITEM_FIELDS = `id sequence externalId channel direction occurredAt text author customer { id externalId name }
  sentiment { label probabilities { positive neutral negative } modelId }`;

export const PAGE = `query RapportFeed($first: Int, $after: String, $channel: Channel, $sentiment: Sentiment, $addedAfter: String) {
  interactions(first: $first, after: $after, channel: $channel, sentiment: $sentiment, addedAfter: $addedAfter) {
    lastSequence edges { node { ${ITEM_FIELDS} } } pageInfo { endCursor hasNextPage }
  }
}`;

export const SUMMARY = `query RapportFeedTrend($groupBy: SentimentGroupBy!, $channel: Channel) {
  sentimentSummary(groupBy: $groupBy, channel: $channel) { key count net }
}`;

export const SUBSCRIPTION = `subscription RapportFeedLive($channel: Channel, $sentiment: Sentiment) {
  interactionAdded(channel: $channel, sentiment: $sentiment) { ${ITEM_FIELDS} }
}`;

export const EXPLAIN = `query RapportExplain($texts: [String!]!) {
  classify(texts: $texts, explain: true) { label probabilities { positive neutral negative } explanation { token weight } }
}`;

export interface Filters {
  channel?: string;
  sentiment?: string;
}

interface Page {
  interactions: {
    lastSequence: string | null;
    edges: Array<{ node: FeedItem | null } | null> | null;
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
  };
}

export interface FetchedItems {
  items: FeedItem[];
  /** The tenant's latest `sequence` when the first page was read: everything written later has a larger one. */
  lastSequence?: string;
}

/**
 * Pages through `interactions` (newest first) until `limit` items or the end; with `addedAfter`, only those
 * written after that sequence (whatever their `occurredAt`).
 */
export async function fetchItems(
  client: RapportClient, filters: Filters, limit: number, options: { signal?: AbortSignal; addedAfter?: string } = {},
): Promise<FetchedItems> {
  const items: FeedItem[] = [];
  let lastSequence: string | undefined;
  let after: string | null = null;
  do {
    const first = Math.min(500, limit - items.length);
    const vars = { first, after, channel: filters.channel || null, sentiment: filters.sentiment || null, addedAfter: options.addedAfter ?? null };
    const page: Page = await client.query<Page>(PAGE, vars, options.signal);
    lastSequence ??= page.interactions.lastSequence ?? undefined;
    for (const edge of page.interactions.edges ?? []) if (edge?.node) items.push(edge.node);
    after = page.interactions.pageInfo.hasNextPage ? page.interactions.pageInfo.endCursor : null;
  } while (after && items.length < limit);
  return { items, lastSequence };
}

export async function fetchSummary(client: RapportClient, groupBy: string, channel?: string, signal?: AbortSignal): Promise<SentimentPoint[]> {
  const data = await client.query<{ sentimentSummary: SentimentPoint[] | null }>(SUMMARY, { groupBy, channel: channel || null }, signal);
  return data.sentimentSummary ?? [];
}

/** The server model's token weights for one text (the text is the server's own, so it may go back to it). */
export async function fetchExplanation(client: RapportClient, text: string): Promise<TokenWeight[]> {
  const data = await client.query<{ classify: Array<{ explanation: TokenWeight[] | null }> }>(EXPLAIN, { texts: [text] });
  return data.classify[0]?.explanation ?? [];
}
