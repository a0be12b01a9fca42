/**
 * The subscription bus. In one process an in-memory event target is enough; with Redis every instance publishes
 * to and hears from the same channels (graphql-yoga's Redis event target), so a subscriber on instance B sees an
 * interaction written through instance A. Topics are already tenant-keyed (`interactionsAdded:<tenant>`). Each
 * subscriber's backlog is bounded by server/live-bus.ts, whose listener never throws.
 */
import { setMaxListeners } from 'node:events';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import type { PubSubEventTarget } from 'graphql-yoga';
import { Redis } from 'ioredis';
import type { RapportEvents, RapportPubSub } from '../schema';
import { createLiveBus } from './live-bus';

export interface RapportPubSubOptions {
  /** `redis://…`; without it events stay in this process. @default process.env.REDIS_URL */
  redisUrl?: string;
  /** Prepended to every channel, so several deployments (or test runs) can share one Redis. @default 'rapport:' */
  channelPrefix?: string;
  /** How long to wait for Redis at start before giving up with a clear error. @default 10000 */
  connectTimeoutMs?: number;
  /** Told about connection trouble after start (ioredis reconnects by itself). @default console.warn */
  onError?: (message: string) => void;
}

export interface RapportPubSubHandle {
  pubsub: RapportPubSub;
  kind: 'memory' | 'redis';
  /** With Redis: the connection that publishes (free for other commands, e.g. shared rate limits) and the key prefix. */
  redis: { client: Redis; prefix: string } | null;
  /** Readiness: resolves while the bus can deliver (a Redis PING), rejects otherwise. */
  check(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The bus of one process. Each open stream listens on its tenant's topic, so a tenant with more than ten viewers
 * is normal, not the leak Node warns about at eleven listeners: the limit is lifted.
 */
export function memoryPubSub(): RapportPubSub {
  const eventTarget = new EventTarget();
  setMaxListeners(0, eventTarget);
  return createLiveBus<RapportEvents>(eventTarget);
}

export async function createRapportPubSub(options: RapportPubSubOptions = {}): Promise<RapportPubSubHandle> {
  const url = options.redisUrl ?? process.env.REDIS_URL;
  if (!url) {
    return { pubsub: memoryPubSub(), kind: 'memory', redis: null, check: async () => {}, close: async () => {} };
  }
  const onError = options.onError ?? ((m) => console.warn(m));
  // Fail fast at start instead of queueing commands forever: a server that cannot reach Redis must not look healthy.
  const connect = () => new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3, connectTimeout: options.connectTimeoutMs ?? 10_000 });
  const publishClient = connect();
  const subscribeClient = connect();
  let lastReported = '';
  for (const client of [publishClient, subscribeClient]) {
    client.on('error', (err: Error) => {
      // ioredis repeats the same error on every reconnect attempt; say it once per distinct message.
      if (err.message === lastReported) return;
      lastReported = err.message;
      onError(`Redis (${redactUrl(url)}): ${err.message}`);
    });
    client.on('ready', () => (lastReported = ''));
  }
  try {
    await Promise.all([publishClient.connect(), subscribeClient.connect()]);
  } catch (err) {
    publishClient.disconnect();
    subscribeClient.disconnect();
    throw new Error(`Cannot reach Redis at ${redactUrl(url)} (${lastReported || (err as Error).message}). Start it, or leave out --redis-url and REDIS_URL to run one instance alone.`);
  }
  const inner = createRedisEventTarget<CustomEvent>({ publishClient, subscribeClient });
  // Published here rather than by the event target, whose PUBLISH promise nobody awaits: with Redis away, its
  // rejection would be unhandled and end the process. A lost event is logged; the write itself already committed.
  const publish = (channel: string, detail: unknown) =>
    void publishClient.publish(channel, detail === undefined ? '' : JSON.stringify(detail)).catch((err: Error) => onError(`Redis publish on ${channel} failed: ${err.message}`));
  const prefix = options.channelPrefix ?? process.env.RAPPORT_REDIS_PREFIX ?? 'rapport:';
  const eventTarget = prefixed(inner, prefix, publish);
  return {
    pubsub: createLiveBus<RapportEvents>(eventTarget as PubSubEventTarget<RapportEvents>),
    kind: 'redis',
    redis: { client: publishClient, prefix },
    async check() {
      await publishClient.ping();
    },
    async close() {
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}

type Target = ReturnType<typeof createRedisEventTarget<CustomEvent>>;
type Listener = Parameters<Target['addEventListener']>[1];

/** The event target with every topic under `prefix` and a publish that cannot reject unhandled. */
function prefixed(inner: Target, prefix: string, publish: (channel: string, detail: unknown) => void): Target {
  return {
    addEventListener: (topic: string, listener: Listener) => inner.addEventListener(prefix + topic, listener),
    removeEventListener: (topic: string, listener: Listener) => inner.removeEventListener(prefix + topic, listener),
    dispatchEvent: (event: CustomEvent) => (publish(prefix + event.type, event.detail), true),
  } as Target;
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the configured URL';
  }
}
