/** A GraphQL subscription over Server-Sent Events, as a browser or a CRM backend would hold one. */
export interface SseSubscription {
  /** The `data` of every `next` event so far, parsed. */
  events: any[];
  /** Resolves once `count` events have arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<any[]>;
  /** Resolves when the stream ends: the server closed it, or `close()` did. */
  ended: Promise<void>;
  close(): void;
}

/** Opens the stream and resolves once the server has answered with its headers (the subscription exists). */
export async function subscribeSse(url: string, query: string, headers: Record<string, string> = {}): Promise<SseSubscription> {
  const abort = new AbortController();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
    body: JSON.stringify({ query }),
    signal: abort.signal,
  });
  if (res.status !== 200 || !res.body) throw new Error(`subscription refused: ${res.status} ${await res.text()}`);
  const events: any[] = [];
  const waiters = new Set<() => void>();
  const ended = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const type = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
          const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
          if (data && (type === 'next' || type === 'message')) events.push(JSON.parse(data));
        }
        waiters.forEach((w) => w());
      }
    } catch {
      // Aborted by close(), or the server went away: the events so far stay readable.
    }
  })();
  return {
    events,
    waitFor(count, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (events.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(events);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`received ${events.length} of ${count} events in ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    ended,
    close: () => abort.abort(),
  };
}

/** Reads a Server-Sent Events response until its first `data:` line and returns that line's payload. */
export async function firstSseData(response: Response): Promise<string> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('the event stream ended before any event');
      buffer += decoder.decode(value, { stream: true });
      const match = buffer.match(/^data: (.+)$/m);
      if (match) return match[1]!;
    }
  } finally {
    reader.releaseLock();
  }
}
