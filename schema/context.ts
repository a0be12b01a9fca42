import type { LiveBus } from '../server/live-bus';
import type { Store } from '../server/store';
import type { Classifier } from '../server/ingest/load/interactions';
import type { Principal } from '../server/auth/credentials';
import type { TenantIds } from '../server/auth/global-ids';
import type { ModelRegistry } from '../server/sentiment/model-registry';
import type { RequestWork } from '../server/auth/request-work';

/** One interaction of an `interactionsAdded` event: what subscribers filter on, and where it stands in the tenant's order. */
export interface AddedInteraction {
  id: number;
  channel: string;
  sentiment: string | null;
  sequence: number;
}

/**
 * Events published to subscribers, keyed by tenant so no tenant hears another's. A write announces its new
 * interactions in batches (server/ingest/announce.ts), not one event each: an import of 100,000 rows is 200 events.
 */
export type RapportEvents = {
  interactionsAdded: [tenant: string, payload: { interactions: AddedInteraction[] }];
  tenantChanged: [tenant: string, payload: { version: number | null }];
};

export type RapportPubSub = LiveBus<RapportEvents>;

/** What every resolver sees: the caller's tenant (already authenticated) and the server's services. */
export interface Context {
  tenant: string;
  /** The tenant's global ids (server/auth/global-ids.ts): store ids encrypted with a key of the tenant. */
  ids: TenantIds;
  /** The tenant's view of the store: every statement runs under row-level security for `tenant`. */
  store: Store;
  /** Who is asking: a key, an embed token, or dev mode; its scope and bindings. */
  principal: Principal;
  /** For the few resolvers that manage credentials (`createEmbedToken`): the unscoped store and the token key. */
  auth: { owner: Store; secret: () => Promise<Uint8Array> };
  pubsub: RapportPubSub;
  /** Classifies interactions written without a prediction; absent when no model is loaded. */
  classify?: Classifier;
  /** The sentiment models `classify` serves; absent on a server started without them. */
  models?: ModelRegistry;
  /** What this HTTP request (all its operations and aliases) may still make the server compute. */
  work: RequestWork;
}
