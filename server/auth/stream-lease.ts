/**
 * A live stream (a subscription over Server-Sent Events) is authenticated once, when it opens, and may then stay
 * open for hours. It must not outlive what let it in: a token's stream ends when the token expires, and any
 * stream ends within `KEY_STATUS_TTL_MS` of its key (or the key that minted its token) being revoked or deleted.
 * Each key or token may hold `MAX_STREAMS_PER_CREDENTIAL` streams at once on an instance: only the request that
 * opens one counts against the rate limit, so without a cap one token could hold every socket the server has. And
 * the tokens of one key may hold `MAX_STREAMS_PER_KEY_TOKENS` together, so fresh tokens do not bring fresh places.
 */
import type { GraphQLError } from 'graphql';
import type { Store } from '../store';
import { authError } from './auth-error';
import type { Principal } from './credentials';
import { KEY_STATUS_TTL_MS, keyStatus } from './key-status';

export const MAX_STREAMS_PER_CREDENTIAL = 20;
/** One per viewer of a live feed, for all the pages of one vendor (key) on one instance. */
export const MAX_STREAMS_PER_KEY_TOKENS = 2_000;

/** Open streams per principal id, on this instance. */
const openStreams = new Map<string, number>();

export interface LeaseOptions {
  /** The store that holds the keys (the owner's, not a tenant's scope). */
  owner: Store;
  /** @default KEY_STATUS_TTL_MS */
  checkEveryMs?: number;
  /** @default MAX_STREAMS_PER_CREDENTIAL */
  maxStreams?: number;
  /** @default MAX_STREAMS_PER_KEY_TOKENS */
  maxKeyTokenStreams?: number;
}

/**
 * `source`, for as long as `principal` stands. When it stops standing, the stream's next read fails with an
 * `UNAUTHENTICATED` error that says why (the client sees it as the stream's last event) and `source` is closed.
 * Dev-mode principals have no credential to lose and no cap.
 */
export function leasedStream<T>(source: AsyncIterable<T>, principal: Principal, options: LeaseOptions): AsyncIterableIterator<T> {
  if (principal.kind === 'dev') return source[Symbol.asyncIterator]() as AsyncIterableIterator<T>;
  const release = claimStreams(principal, options);
  const inner = source[Symbol.asyncIterator]();
  let lapse!: (error: GraphQLError) => void;
  const lapsed = new Promise<never>((_, reject) => (lapse = reject));
  lapsed.catch(() => {}); // read by next(); nobody may be waiting when it happens

  const timers: ReturnType<typeof setTimeout>[] = [];
  if (principal.expiresAt) {
    const left = principal.expiresAt.getTime() - Date.now();
    timers.push(setTimeout(() => lapse(authError('UNAUTHENTICATED', 'This embed token has expired; the stream is closed. Reconnect with a fresh token.')), Math.max(0, left)));
  }
  const check = setInterval(() => {
    keyStatus(options.owner, principal.keyId, principal.tenant).then((status) => {
      if (status === 'live') return;
      const whose = principal.kind === 'token' ? `The API key rpk_${principal.keyId} that minted this embed token` : `API key rpk_${principal.keyId}`;
      lapse(authError('UNAUTHENTICATED', `${whose} ${status === 'revoked' ? 'was revoked' : 'no longer exists'}; the stream is closed.`));
    }, () => {}); // a store that cannot answer now is asked again at the next tick
  }, options.checkEveryMs ?? KEY_STATUS_TTL_MS);
  timers.push(check);
  timers.forEach((t) => t.unref?.());

  let closed = false;
  const close = async (): Promise<IteratorResult<T>> => {
    if (!closed) {
      closed = true;
      timers.forEach(clearTimeout); // the key check's interval too: one id space for both
      release();
      await inner.return?.();
    }
    return { value: undefined, done: true };
  };
  return {
    async next() {
      if (closed) return { value: undefined, done: true };
      try {
        const result = await Promise.race([inner.next(), lapsed]);
        if (result.done) await close();
        return result;
      } catch (err) {
        await close();
        throw err;
      }
    },
    return: close,
    async throw(err: unknown) {
      await close();
      throw err;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/** A place for one more stream of the credential (and, for a token, of its key's tokens), or a refusal. */
function claimStreams(principal: Principal, options: LeaseOptions): () => void {
  const own = claimStream(principal.id, options.maxStreams ?? MAX_STREAMS_PER_CREDENTIAL, 'This credential already holds');
  if (principal.kind !== 'token') return own;
  try {
    const shared = claimStream(`key-tokens:${principal.keyId}`, options.maxKeyTokenStreams ?? MAX_STREAMS_PER_KEY_TOKENS, 'The embed tokens of this key already hold');
    return () => (own(), shared());
  } catch (err) {
    own();
    throw err;
  }
}

/** Counts one more open stream for `id`, or refuses it; the returned function gives the place back (once). */
function claimStream(id: string, max: number, holders: string): () => void {
  const count = openStreams.get(id) ?? 0;
  if (count >= max) throw authError('RATE_LIMITED', `${holders} ${max} live streams on this server; close one before opening another.`);
  openStreams.set(id, count + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (openStreams.get(id) ?? 1) - 1;
    if (left > 0) openStreams.set(id, left);
    else openStreams.delete(id);
  };
}
