import { subscribeSse, type SseSubscription } from '../../tests/support/sse';

export interface SoakOptions {
  subscribers: number;
  /** Import mutations sent back to back. */
  batches: number;
  /** Interactions per mutation. */
  perBatch: number;
  timeoutMs: number;
}

export interface SoakResult {
  subscribers: number;
  expectedPerSubscriber: number;
  delivered: number;
  expected: number;
  complete: number;
  duplicates: number;
  subscribeMs: number;
  importMs: number;
  /** From the first import sent to the last event received by the last subscriber (or the timeout). */
  deliverMs: number;
}

/**
 * The SSE soak: `subscribers` open streams, then a burst of imports; every subscriber should receive every
 * interaction once. Streams are opened 100 at a time, as a crowd of browsers would arrive, not all in one tick.
 */
export async function sseSoak(url: string, options: SoakOptions): Promise<SoakResult> {
  const started = performance.now();
  const subs: SseSubscription[] = [];
  for (let i = 0; i < options.subscribers; i += 100) {
    const n = Math.min(100, options.subscribers - i);
    subs.push(...(await Promise.all(Array.from({ length: n }, () => subscribeSse(`${url}/graphql`, 'subscription Soak { interactionAdded { externalId } }')))));
  }
  const subscribeMs = performance.now() - started;
  // Let the last subscriptions reach the bus (a Redis SUBSCRIBE is sent as the stream opens).
  await new Promise((r) => setTimeout(r, 500));

  const expectedPerSubscriber = options.batches * options.perBatch;
  const run = Date.now().toString(36);
  const burst = performance.now();
  let lastEvent = burst;
  for (const s of subs) {
    const push = s.events.push.bind(s.events);
    s.events.push = (...items: any[]) => ((lastEvent = performance.now()), push(...items));
  }
  for (let b = 0; b < options.batches; b++) {
    const input = Array.from({ length: options.perBatch }, (_, i) => ({
      externalId: `soak-${run}-${b}-${i}`,
      channel: 'chat',
      occurredAt: new Date(Date.UTC(2024, 5, 1, 0, b, i)).toISOString(),
      text: i % 2 ? 'Thanks, the new plan works great.' : 'Still waiting for a reply about my refund.',
    }));
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation SoakImport($i: [InteractionInput!]!) { addInteractions(input: $i) { accepted inserted } }', variables: { i: input } }),
    });
    const body = (await res.json()) as any;
    if (body.data?.addInteractions?.inserted !== options.perBatch) throw new Error(`soak import ${b} failed: ${JSON.stringify(body)}`);
  }
  const importMs = performance.now() - burst;
  await Promise.allSettled(subs.map((s) => s.waitFor(expectedPerSubscriber, options.timeoutMs)));
  const deliverMs = lastEvent - burst;
  let delivered = 0;
  let complete = 0;
  let duplicates = 0;
  for (const s of subs) {
    const ids = new Set(s.events.map((e) => e.data?.interactionAdded?.externalId));
    delivered += ids.size;
    duplicates += s.events.length - ids.size;
    if (ids.size === expectedPerSubscriber) complete++;
    s.close();
  }
  return { subscribers: subs.length, expectedPerSubscriber, delivered, expected: expectedPerSubscriber * subs.length, complete, duplicates, subscribeMs, importMs, deliverMs };
}
