import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ClientOptions, RapportClient } from '../kit/client.js';
import { liveStream } from './live-stream.js';
import { fetchItems, SUBSCRIPTION } from './query.js';
import type { Filters } from './query.js';
import { latestSequence } from './sequence.js';
import type { FeedItem } from './types.js';

export type LiveStatus = 'off' | 'connecting' | 'live' | 'reconnecting';

export interface LiveSource {
  endpoint: string;
  /** The widget's token source, paired with `endpoint` by kit/config.ts (`connect`). */
  getToken?: ClientOptions['getToken'];
  client: RapportClient;
  filters: Filters;
  /** The `lastSequence` read with the items the feed holds: what was written after it is caught up on (re)connection. */
  since: string | undefined;
  add(items: readonly FeedItem[]): void;
  /** The server's latest sequence is below one it gave before: its numbering changed (an upgrade); start afresh. */
  renumbered(): void;
}

/** Most items one catch-up brings (the newest by `occurredAt` of what was written while the stream was down). */
export const CATCH_UP_LIMIT = 5000;

/**
 * Keeps a feed subscribed to `interactionAdded` while its key (endpoint, token, filters, data generation) stays the
 * same. Every time the stream opens, the first time too, it asks `interactions(addedAfter:)` for everything written
 * after the latest sequence it has heard of — by ingestion order, so an interaction dated long ago but imported while
 * the stream was down comes too — and the feed merges by id, so what comes both ways is shown once.
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
    let since = s.since;
    const catchUp = async (attempt: number): Promise<void> => {
      const asked = since;
      try {
        const { items, lastSequence } = await fetchItems(s.client, s.filters, CATCH_UP_LIMIT, { addedAfter: asked ?? '0' });
        if (this.key !== key) return;
        // Sequences only grow, and `asked` came from this server: a smaller latest means other numbers (and ids).
        if (asked !== undefined && lastSequence !== undefined && Number(lastSequence) < Number(asked)) return s.renumbered();
        since = latestSequence(since, lastSequence, ...items.map((i) => i.sequence));
        s.add(items);
      } catch {
        // A failed catch-up is tried again; a stream that drops meanwhile catches up when it reopens anyway.
        if (this.key === key && this.status === 'live' && attempt < 4) setTimeout(() => void catchUp(attempt + 1), 500 * 2 ** attempt);
      }
    };
    this.stop = liveStream({
      endpoint: s.endpoint,
      getToken: s.getToken,
      query: SUBSCRIPTION,
      variables: { channel: s.filters.channel || null, sentiment: s.filters.sentiment || null },
      onData: (data) => {
        const item = (data as { interactionAdded?: FeedItem | null }).interactionAdded;
        if (!item) return;
        since = latestSequence(since, item.sequence);
        s.add([item]);
      },
      onOpen: () => {
        this.setStatus('live');
        // The stream is open: whatever is written from now on comes by it, the rest by this catch-up.
        void catchUp(0);
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
