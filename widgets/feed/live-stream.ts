import { readEventStream } from '../kit/sse.js';

export interface StreamOptions {
  endpoint: string;
  getToken?: () => string | undefined | null | Promise<string | undefined | null>;
  query: string;
  variables: Record<string, unknown>;
  /** Each `next` payload's `data`. */
  onData(data: unknown): void;
  /** The stream is open: on the first connection and after every reconnection (refetch what was missed here). */
  onOpen(reconnected: boolean): void;
  /** The stream dropped; a retry follows after `delayMs`. */
  onDrop(delayMs: number): void;
  /** Backoff after a drop. @default [250, 500, 1000, 2000, 5000] */
  delays?: readonly number[];
}

/**
 * A GraphQL subscription over Server-Sent Events that comes back by itself. Unlike the kit client's `subscribe`,
 * it treats a stream that ends (server restart) like one that fails, and retries with backoff until `stop()`.
 */
export function liveStream(options: StreamOptions): () => void {
  const delays = options.delays ?? [250, 500, 1000, 2000, 5000];
  let stopped = false;
  let controller: AbortController | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let opened = false;

  const connect = async () => {
    controller = new AbortController();
    try {
      const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'text/event-stream' };
      const token = await options.getToken?.();
      if (token) headers.authorization = `Bearer ${token}`;
      const body = JSON.stringify({ query: options.query, variables: options.variables });
      const res = await fetch(options.endpoint, { method: 'POST', headers, body, signal: controller.signal });
      if (!res.ok || !res.body || !(res.headers.get('content-type') ?? '').includes('event-stream')) {
        throw new Error(`rapport/feed: subscription answered ${res.status}`);
      }
      attempt = 0;
      options.onOpen(opened);
      opened = true;
      for await (const event of readEventStream(res.body)) {
        if (event.event === 'complete') break;
        if (event.event && event.event !== 'next') continue;
        const payload = JSON.parse(event.data) as { data?: unknown; errors?: unknown };
        if (payload.data) options.onData(payload.data);
      }
    } catch {
      // Dropped or refused: retried below.
    }
    if (stopped) return;
    const delay = delays[Math.min(attempt++, delays.length - 1)]!;
    options.onDrop(delay);
    timer = setTimeout(() => void connect(), delay);
  };
  void connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    controller?.abort();
  };
}
