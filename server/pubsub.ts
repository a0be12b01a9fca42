/**
 * The subscription bus. In one process an in-memory event target is enough; with Redis every instance publishes
 * to and hears from the same channels, so a subscriber on instance B sees an interaction written through instance
 * A. Topics are already tenant-keyed (`interactionsAdded:<tenant>`). Each subscriber's backlog is bounded by
 * server/live-bus.ts, whose listener never throws.
 *
 * Redis is not essential once the server runs: while it is away (refusing connections or hung) events between
 * instances are lost and each instance keeps answering. Nothing here may reject unhandled or make a request wait
 * on Redis for long: commands fail fast while the connection is down (no offline queue) and time out after
 * `commandTimeoutMs` while it hangs.
 */
import { setMaxListeners } from 'node:events';
import type { PubSubEventTarget } from 'graphql-yoga';
import { Redis } from 'ioredis';
import type { RapportEvents, RapportPubSub } from '../schema';
import { createLiveBus } from './live-bus';
import { redactUrl } from './redact-url';

export { redactUrl };

export interface RapportPubSubOptions {
  /** `redis://…` or `rediss://…`; without it events stay in this process. @default process.env.REDIS_URL */
  redisUrl?: string;
  /** Prepended to every channel, so several deployments (or test runs) can share one Redis. @default 'rapport:' */
  channelPrefix?: string;
  /** How long to wait for Redis at start (connect and first answer) before giving up with a clear error. @default 10000 */
  connectTimeoutMs?: number;
  /** How long a command (publish, rate-limit script, readiness ping) may wait for Redis once running. @default 500 */
  commandTimeoutMs?: number;
  /** Told about connection trouble after start, once per change (ioredis reconnects by itself). @default console.warn */
  onError?: (message: string) => void;
}

export interface RapportPubSubHandle {
  pubsub: RapportPubSub;
  kind: 'memory' | 'redis';
  /** With Redis: the connection that publishes (free for other commands, e.g. shared rate limits) and the key prefix. */
  redis: { client: Redis; prefix: string } | null;
  /** Whether Redis answers a PING now (within the command timeout); never rejects. Always true without Redis. */
  healthy(): Promise<boolean>;
  /** Stops using Redis (later stream teardown sends nothing), then closes its connections; bounded, never rejects. */
  close(): Promise<void>;
}

/** A Redis URL this server cannot use (wrong scheme, not a URL): the caller's mistake, not an outage. */
export class RedisUrlError extends Error {
  override readonly name = 'RedisUrlError';
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

/** Throws RedisUrlError unless `url` is a redis:// or rediss:// URL (ioredis would read `http://h:6379` as a socket path). */
export function checkRedisUrl(url: string): void {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    throw new RedisUrlError(`must be a redis:// or rediss:// URL, not "${redactUrl(url)}".`);
  }
  if (protocol !== 'redis:' && protocol !== 'rediss:') throw new RedisUrlError(`must be a redis:// or rediss:// URL, not "${redactUrl(url)}".`);
}

export async function createRapportPubSub(options: RapportPubSubOptions = {}): Promise<RapportPubSubHandle> {
  const url = options.redisUrl ?? process.env.REDIS_URL;
  if (!url) {
    return { pubsub: memoryPubSub(), kind: 'memory', redis: null, healthy: async () => true, close: async () => {} };
  }
  checkRedisUrl(url);
  const shown = redactUrl(url);
  const onError = options.onError ?? ((m) => console.warn(m));
  const startTimeout = options.connectTimeoutMs ?? 10_000;
  const commandTimeout = options.commandTimeoutMs ?? 500;
  const connect = () =>
    new Redis(url, {
      lazyConnect: true,
      connectTimeout: startTimeout,
      // While the connection is down a command fails at once instead of waiting in a queue for the reconnection.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      // Subscriptions are renewed by the event target below, whose SUBSCRIBE promises are handled.
      autoResubscribe: false,
    });
  const publishClient = connect();
  const subscribeClient = connect();
  let started = false;
  let lastReported = '';
  for (const client of [publishClient, subscribeClient]) {
    client.on('error', (err: Error) => {
      // ioredis repeats the same error on every reconnect attempt; say it once per distinct message. Before the
      // start succeeded, the error is the start's own message (printed once, by the caller), not a log line.
      if (err.message === lastReported) return;
      lastReported = err.message;
      if (started) onError(`Redis (${shown}): ${err.message}; events between instances are lost until it is back.`);
    });
    client.on('ready', () => {
      if (started && lastReported && publishClient.status === 'ready' && subscribeClient.status === 'ready') onError(`Redis (${shown}) is back.`);
      if (publishClient.status === 'ready' && subscribeClient.status === 'ready') lastReported = '';
    });
  }
  let timer: NodeJS.Timeout | undefined;
  const connecting = Promise.all([publishClient.connect(), subscribeClient.connect()]);
  try {
    // connectTimeout covers the TCP connect only; a listener that accepts and never answers would leave the
    // ready check waiting for ever.
    await Promise.race([
      connecting,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${startTimeout / 1000} s`)), startTimeout);
      }),
    ]);
  } catch (err) {
    connecting.catch(() => {});
    publishClient.disconnect();
    subscribeClient.disconnect();
    throw new Error(`Cannot reach Redis at ${shown} (${lastReported || (err as Error).message}). Start it, or leave out --redis-url and REDIS_URL to run one instance alone.`);
  } finally {
    clearTimeout(timer);
  }
  started = true;
  // From now on no command waits longer than this for a hung Redis (the subscriber's SUBSCRIBE may wait: no request does).
  publishClient.options.commandTimeout = commandTimeout;
  const prefix = options.channelPrefix ?? process.env.RAPPORT_REDIS_PREFIX ?? 'rapport:';
  const target = redisEventTarget(publishClient, subscribeClient, prefix, onError);
  return {
    pubsub: createLiveBus<RapportEvents>(target as PubSubEventTarget<RapportEvents>),
    kind: 'redis',
    redis: { client: publishClient, prefix },
    async healthy() {
      if (subscribeClient.status !== 'ready') return false;
      return publishClient.ping().then(
        () => true,
        () => false,
      );
    },
    async close() {
      target.close();
      const quit = Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
      // QUIT waits for Redis's answer: a hung Redis would hold the shutdown.
      await Promise.race([quit, new Promise((r) => setTimeout(r, 1000).unref())]);
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}

type Listener = (event: CustomEvent) => void;
type ListenerArg = Listener | { handleEvent: Listener } | null;

/**
 * The event target over Redis (what `@graphql-yoga/redis-event-target` does, with every Redis promise handled):
 * one SUBSCRIBE per topic with listeners in this process, every topic under `prefix`. A SUBSCRIBE that fails while
 * Redis is away is logged and sent again, with all the others, when the connection is ready again.
 */
function redisEventTarget(publishClient: Redis, subscribeClient: Redis, prefix: string, onError: (message: string) => void) {
  const listeners = new Map<string, Set<Listener>>();
  let closed = false;
  // One line per distinct failure until a command of that kind succeeds again, not one per event or stream.
  const failed = new Map<string, string>();
  const report = (kind: string, err: Error) => {
    if (failed.get(kind) === err.message) return;
    failed.set(kind, err.message);
    onError(`Redis ${kind} failed (${err.message}); ${kind === 'publish' ? 'the event is not delivered to other instances' : 'streams on this instance miss events from others until Redis is back'}.`);
  };
  const ok = (kind: string) => failed.delete(kind);
  const subscribe = (channels: string[]) =>
    void subscribeClient.subscribe(...channels).then(
      () => ok('subscribe'),
      (err: Error) => report('subscribe', err),
    );
  subscribeClient.on('ready', () => {
    if (!closed && listeners.size) subscribe([...listeners.keys()]);
  });
  subscribeClient.on('message', (channel: string, message: string) => {
    const set = listeners.get(channel);
    if (!set) return;
    let detail: unknown;
    try {
      detail = message === '' ? null : JSON.parse(message);
    } catch {
      return onError(`Redis message on ${channel} is not JSON; ignored.`);
    }
    const event = new CustomEvent(channel, { detail });
    for (const listener of set) listener(event);
  });
  const listenerOf = (arg: ListenerArg) => (arg && typeof arg === 'object' ? arg.handleEvent : arg);
  return {
    addEventListener(topic: string, arg: ListenerArg) {
      const listener = listenerOf(arg);
      if (!listener) return;
      const channel = prefix + topic;
      let set = listeners.get(channel);
      if (!set) {
        listeners.set(channel, (set = new Set()));
        if (!closed) subscribe([channel]);
      }
      set.add(listener);
    },
    removeEventListener(topic: string, arg: ListenerArg) {
      const listener = listenerOf(arg);
      const channel = prefix + topic;
      const set = listeners.get(channel);
      if (!listener || !set) return;
      set.delete(listener);
      if (set.size) return;
      listeners.delete(channel);
      if (closed) return;
      subscribeClient.unsubscribe(channel).then(
        () => ok('unsubscribe'),
        (err: Error) => report('unsubscribe', err),
      );
    },
    dispatchEvent(event: CustomEvent) {
      // The write itself already committed; a lost event is logged, never thrown.
      if (closed) return true;
      const channel = prefix + event.type;
      publishClient.publish(channel, event.detail === undefined ? '' : JSON.stringify(event.detail)).then(
        () => ok('publish'),
        (err: Error) => report('publish', err),
      );
      return true;
    },
    close() {
      closed = true;
    },
  };
}
