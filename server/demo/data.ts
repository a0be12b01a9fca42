import type {
  CustomerRecord,
  InteractionRecord,
  OrderRecord,
  RelationshipRecord,
} from '../ingest/types.js';

/** What the generator makes: the four record kinds, ready for a loader. */
export interface DemoData {
  customers: CustomerRecord[];
  orders: OrderRecord[];
  interactions: InteractionRecord[];
  relationships: RelationshipRecord[];
}

/**
 * What the generator planted, for tests and docs to check analytics against. Not part of the records:
 * a real tenant has no such answer key.
 */
export interface DemoTruth {
  /** Planted community of each customer with a social presence, as at the end of the data (external id → id). */
  community: Record<string, number>;
  /** The community that forms in the last months, the one that splits (its second half becomes `splitInto`)
   *  and the one that shrinks. */
  forming: number;
  splitting: number;
  splitInto: number;
  shrinking: number;
  /** External ids of the high-degree customers; the first `bridges` of them span communities. */
  hubs: string[];
  bridges: number;
  /** External ids of customers who turned unhappy before they churned. */
  unhappy: string[];
}
