import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RapportClient } from '../kit/client.js';
import type { RapportConfig } from '../kit/config.js';
import { liveStream } from './live-stream.js';
import { fetchItems, SUBSCRIPTION } from './query.js';
import type { Filters } from './query.js';
import type { FeedItem } from './types.js';

export type LiveStatus = 'off' | 'connecting' | 'live' | 'reconnecting';

export interface LiveSource {
  endpoint: string;
  getToken?: RapportConfig['getToken'];
  client: RapportClient;
  filters: Filters;
  /** The newest `occurredAt` the feed holds: what to refetch after on (re)connection. */
  newest(): string | undefined;
  /** How many to load when the feed holds nothing yet. */
  limit: number;
  add(items: readonly FeedItem[]): void;
}

/**
 * Keeps a feed subscribed to `interactionAdded` while its key (endpoint, token, filters, data generation) stays the
 * same, and refetches what it missed on every (re)connection, so nothing is lost while the stream was down.
 */
export class LiveFeedController implements ReactiveController {
  status: LiveStatus = 'off';
  private key = '';
  private stop?: () => void;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.sync('', undefined);
  }

  /** Starts, restarts or stops the stream; `key` '' stops it. */
  sync(key: string, source: (() => LiveSource) | undefined): void {
    if (key === this.key) return;
    this.stop?.();
    this.stop = undefined;
    this.key = key;
    this.setStatus(key ? 'connecting' : 'off');
    if (!key || !source) return;
    const s = source();
    this.stop = liveStream({
      endpoint: s.endpoint,
      getToken: s.getToken,
      query: SUBSCRIPTION,
      variables: { channel: s.filters.channel || null, sentiment: s.filters.sentiment || null },
      onData: (data) => {
        const item = (data as { interactionAdded?: FeedItem | null }).interactionAdded;
        if (item) s.add([item]);
      },
      onOpen: () => {
        this.setStatus('live');
        const since = s.newest();
        void fetchItems(s.client, s.filters, since ? 5000 : s.limit, undefined, since)
          .then((missed) => this.key === key && s.add(missed))
          .catch(() => undefined);
      },
      onDrop: () => this.setStatus('reconnecting'),
    });
  }

  private setStatus(status: LiveStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.host.requestUpdate();
  }
}
