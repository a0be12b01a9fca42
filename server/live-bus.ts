/**
 * Publish and subscribe for live streams, over an event target (in memory, or Redis through server/pubsub.ts).
 *
 * graphql-yoga's `createPubSub` hands each subscriber a Repeater with no buffer: every event not yet read is a
 * pending `push`, and the 1,025th throws `RepeaterOverflowError` inside the event target's listener (the
 * EventTarget dispatch or ioredis's `message` handler), where nothing catches it and the process ends. An import of
 * 1,030 interactions did that to every instance with a subscriber. Its `repeaterBuffer` option does not help: the
 * one buffer object is given to every subscriber's Repeater, and once it is full pushes queue and overflow again.
 *
 * Here each subscriber has a queue of its own, bounded by `backlog` (counted with `sizeOf`, so one event may stand
 * for many items), and a listener that never throws. A subscriber that falls further behind than that is not fed
 * without bound and is not skipped silently: it stops listening, is given what it had queued, and then its stream
 * fails with the error `onOverflow` makes (schema/subscription.ts: a GraphQL error that says where to resume).
 */
import type { PubSubEventTarget } from 'graphql-yoga';

/** Items a subscriber may have heard and not yet taken before its stream ends (see schema/subscription.ts). */
export const STREAM_BACKLOG = 50_000;

type EventMap = { [key: string]: [payload: unknown] | [id: string, payload: unknown] };
type Payload<E extends EventMap, K extends keyof E> = E[K] extends [string, infer P] ? P : E[K] extends [infer P] ? P : never;

export interface SubscribeOptions<P> {
  /** How many items one event counts for against the backlog. @default 1 */
  sizeOf?: (payload: P) => number;
  /** The error the stream ends with once `payload` (the first event it could not keep) is dropped. */
  onOverflow?: (payload: P) => Error;
}

export interface LiveBus<E extends EventMap> {
  publish<K extends Extract<keyof E, string>>(routingKey: K, ...args: E[K]): void;
  subscribe<K extends Extract<keyof E, string>>(
    routingKey: K,
    id?: string,
    options?: SubscribeOptions<Payload<E, K>>,
  ): AsyncIterableIterator<Payload<E, K>>;
}

export interface LiveBusOptions {
  /** Items (`sizeOf`) one subscriber may hold unread. @default STREAM_BACKLOG */
  backlog?: number;
  /** Told about a listener that failed (it never throws into the event target). @default console.error */
  onError?: (message: string) => void;
}

export function createLiveBus<E extends EventMap>(eventTarget: PubSubEventTarget<any> | EventTarget, options: LiveBusOptions = {}): LiveBus<E> {
  const target = eventTarget as EventTarget;
  const backlog = options.backlog ?? STREAM_BACKLOG;
  const onError = options.onError ?? ((m) => console.error(m));
  return {
    publish(routingKey, ...args) {
      const payload = args.length > 1 ? args[1] : args[0];
      const topic = args.length > 1 ? `${routingKey}:${args[0] as string}` : routingKey;
      target.dispatchEvent(new CustomEvent(topic, { detail: payload ?? null }));
    },
    subscribe(routingKey, id, subscribeOptions = {}) {
      const topic = id === undefined ? routingKey : `${routingKey}:${id}`;
      const sizeOf = subscribeOptions.sizeOf ?? (() => 1);
      const onOverflow = subscribeOptions.onOverflow ?? (() => new Error(`This stream fell more than ${backlog} events behind and was closed.`));
      type P = Payload<E, typeof routingKey>;

      const queue: P[] = [];
      let head = 0;
      let queued = 0;
      let listening = false;
      let done = false;
      let failure: Error | undefined;
      let waiting: Array<() => void> = [];
      const wake = () => {
        const woken = waiting;
        waiting = [];
        woken.forEach((resolve) => resolve());
      };

      const listener = (event: Event) => {
        try {
          if (done || failure) return;
          const payload = (event as CustomEvent).detail as P;
          const size = Math.max(0, sizeOf(payload));
          if (queued + size > backlog && queued > 0) {
            // Behind by more than the backlog: keep what is queued, stop hearing, end after it.
            failure = onOverflow(payload);
            stopListening();
          } else {
            queue.push(payload);
            queued += size;
          }
          wake();
        } catch (err) {
          onError(`live stream on ${topic}: ${(err as Error).message}`);
        }
      };
      const stopListening = () => {
        if (!listening) return;
        listening = false;
        target.removeEventListener(topic, listener);
      };
      const finish = (): IteratorResult<P> => {
        done = true;
        stopListening();
        queue.length = head = queued = 0;
        wake();
        return { value: undefined, done: true };
      };

      return {
        async next(): Promise<IteratorResult<P>> {
          // Like a Repeater, it listens from the first read, so a stream nobody reads holds no listener.
          if (!listening && !done && !failure) {
            listening = true;
            target.addEventListener(topic, listener);
          }
          for (;;) {
            if (done) return { value: undefined, done: true };
            if (head < queue.length) {
              const value = queue[head]!;
              queue[head++] = undefined as P;
              queued -= Math.max(0, sizeOf(value));
              if (head > 1024 && head * 2 > queue.length) queue.splice(0, head), (head = 0);
              return { value, done: false };
            }
            if (failure) {
              const err = failure;
              finish();
              throw err;
            }
            await new Promise<void>((resolve) => waiting.push(resolve));
          }
        },
        async return(): Promise<IteratorResult<P>> {
          return finish();
        },
        async throw(err?: unknown): Promise<IteratorResult<P>> {
          finish();
          throw err;
        },
        [Symbol.asyncIterator]() {
          return this;
        },
      };
    },
  };
}
