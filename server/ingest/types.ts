/**
 * The records every reader yields and every loader stores. Readers know formats, never the store;
 * loaders know the store, never formats.
 */

export const RECORD_KINDS = ['customers', 'orders', 'interactions', 'relationships'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const CHANNELS = ['social', 'email', 'chat', 'call', 'meeting', 'note', 'review'] as const;
export type Channel = (typeof CHANNELS)[number];

export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

export type Direction = 'inbound' | 'outbound';

/** The store's rule for a relationship kind (the CHECK on `relationships.kind`, migration 001), for every writer. */
const RELATIONSHIP_KIND = /^[a-z][a-z_]{0,31}$/;
/** What `isRelationshipKind` asks for, in words to finish a message such as `kind must be …`. */
export const RELATIONSHIP_KIND_RULE = 'a lowercase word such as follows, mentions or colleague';

export function isRelationshipKind(kind: string): boolean {
  return RELATIONSHIP_KIND.test(kind);
}

/** What a reader knows of a customer; every field but the external id may be absent. */
export interface CustomerRecord {
  externalId: string;
  name?: string | null;
  handle?: string | null;
  email?: string | null;
  country?: string | null;
  attributes?: Record<string, unknown>;
}

/** One order line. `lineNo` is the line's position within its invoice (1-based), so re-imports hit the same key. */
export interface OrderRecord {
  invoice: string;
  lineNo: number;
  /** null: a guest order that belongs to no customer. */
  customerExternalId: string | null;
  orderedAt: Date;
  quantity: number;
  unitPrice: number;
  /** quantity × unit price unless the source states the amount. */
  amount: number;
  product?: string | null;
  description?: string | null;
  /** Invoices starting with `C` (Online Retail's convention) or flagged by the source. */
  cancelled: boolean;
  /** Fields of the customer the line names, used when the customer is created on the fly. */
  customer?: Omit<CustomerRecord, 'externalId'>;
}

export interface InteractionRecord {
  externalId: string;
  channel: Channel;
  direction?: Direction | null;
  occurredAt: Date;
  text: string;
  author?: string | null;
  customerExternalId?: string | null;
  customer?: Omit<CustomerRecord, 'externalId'>;
  goldLabel?: Sentiment | null;
  attributes?: Record<string, unknown>;
}

export interface RelationshipRecord {
  sourceExternalId: string;
  targetExternalId: string;
  kind: string;
  weight: number;
  firstSeen?: Date | null;
  lastSeen?: Date | null;
}

export interface RecordOf {
  customers: CustomerRecord;
  orders: OrderRecord;
  interactions: InteractionRecord;
  relationships: RelationshipRecord;
}

/** A row a reader could not turn into a record: where it is and what is wrong, in plain words. */
export interface RowError {
  /** 1-based physical line of the file where the row starts. */
  line: number;
  /** 1-based column: the field's position for delimited formats, the character for encoding errors. */
  column: number;
  message: string;
  /** The field's name where the source names fields (a CSV header, an API input). */
  field?: string;
}

export type ParsedRow<R> = { line: number; record: R } | { line: number; error: RowError };

/** Where a reader's bytes come from: a path on disk or an uploaded file. */
export interface Source {
  /** Shown in messages, e.g. `orders.csv` or the upload's file name. */
  name: string;
  /** A fresh stream of the raw (possibly gzip-compressed) bytes. */
  open(): NodeJS.ReadableStream | ReadableStream<Uint8Array>;
  /** Size in bytes when known, for progress. */
  size?: number;
}
