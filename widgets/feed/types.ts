export const CHANNELS = ['social', 'email', 'chat', 'call', 'meeting', 'note', 'review'] as const;
export type Channel = (typeof CHANNELS)[number];
export const LABELS = ['positive', 'neutral', 'negative'] as const;
export type SentimentLabel = (typeof LABELS)[number];

export interface Probabilities {
  positive: number;
  neutral: number;
  negative: number;
}

export interface TokenWeight {
  token: string;
  weight: number;
}

/** One interaction as the feed shows it (the API's `Interaction`, or the host's own). `text` is untrusted. */
export interface FeedItem {
  id: string;
  /** The API's ingestion order (a decimal integer); absent for host items. */
  sequence?: string | null;
  externalId?: string | null;
  channel: Channel | string;
  direction?: string | null;
  /** ISO 8601. */
  occurredAt: string;
  text: string;
  author?: string | null;
  customer?: { id: string; externalId?: string | null; name?: string | null } | null;
  sentiment?: { label: SentimentLabel; probabilities: Probabilities; modelId?: string | null } | null;
}

/** One point of the net-sentiment sparkline (the API's `SentimentGroup`). */
export interface SentimentPoint {
  key: string;
  count: number;
  /** (positive − negative) / classified, −1 … 1; null when nothing was classified. */
  net: number | null;
}

/** What the feed draws: the items (any order; shown newest first) and, optionally, the sparkline's points. */
export interface FeedData {
  items: FeedItem[];
  /** When absent, the sparkline is computed from the items' labels by day. */
  summary?: SentimentPoint[];
  /** The API's latest `sequence` when the items were read: a reconnect catches up from there. */
  lastSequence?: string;
}

export interface InteractionSelectDetail {
  id: string;
  externalId?: string | null;
  customerId?: string | null;
}

export interface CustomerSelectDetail {
  id: string;
  externalId?: string | null;
  name?: string | null;
}
