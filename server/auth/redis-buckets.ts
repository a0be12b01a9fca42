/**
 * Rate-limit buckets in Redis, so every instance draws on one budget per key and per token. One Lua script takes
 * a request atomically (refill by elapsed time, then take one) and reads the time from Redis itself, so the
 * instances' clocks do not matter. A bucket expires once it would be full again: Redis holds only active callers.
 * If Redis fails or does not answer within `timeoutMs`, requests are counted in this process instead (the limit
 * holds per instance) and Redis is left alone for `retryAfterMs` — a small circuit breaker, so a hung or absent
 * Redis costs one short wait, not one per request. After the pause one request tries Redis again (the others
 * meanwhile count in memory). One line is logged when the buckets move to memory and one when they are back.
 */
import type { Redis } from 'ioredis';
import { memoryBuckets, type RateBuckets } from './rate-buckets';

const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local rate, burst = tonumber(ARGV[1]), tonumber(ARGV[2])
local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(b[1]) or burst
local at = tonumber(b[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) / 1000 * rate)
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
else
  wait = math.max(1, math.ceil((1 - tokens) / rate))
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) / rate * 1000) + 1000)
return wait
`;

type WithTake = Redis & { rapportTakeToken(key: string, rate: number, burst: number): Promise<number> };

export interface RedisBucketOptions {
  /** Prepended to every bucket's key (`<prefix>rate:key:<id>`). @default 'rapport:' */
  prefix?: string;
  onError?: (message: string) => void;
  /** How long a request waits for Redis before it is counted in memory. @default 500 */
  timeoutMs?: number;
  /** How long to count in memory, without asking Redis, after it failed. @default 5000 */
  retryAfterMs?: number;
}

export function redisBuckets(client: Redis, options: RedisBucketOptions = {}): RateBuckets {
  const prefix = `${options.prefix ?? 'rapport:'}rate:`;
  const timeoutMs = options.timeoutMs ?? 500;
  const retryAfterMs = options.retryAfterMs ?? 5000;
  if (!('rapportTakeToken' in client)) client.defineCommand('rapportTakeToken', { numberOfKeys: 1, lua: TAKE });
  const redis = client as WithTake;
  const local = memoryBuckets();
  /** While set, Redis failed and is not asked before this time (performance.now()). */
  let openUntil: number | null = null;
  let probing = false;

  const takeInRedis = (id: string, rate: number, burst: number) => {
    let timer: NodeJS.Timeout | undefined;
    const answer = redis.rapportTakeToken(prefix + id, rate, burst);
    return Promise.race([
      answer,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]).finally(() => {
      clearTimeout(timer);
      answer.catch(() => {}); // a late failure after the timeout has nobody waiting
    });
  };

  return {
    async take(id, rate, burst) {
      if (openUntil !== null && (probing || performance.now() < openUntil)) return local.take(id, rate, burst);
      const probe = openUntil !== null;
      if (probe) probing = true;
      try {
        const wait = await takeInRedis(id, rate, burst);
        if (probe) {
          openUntil = null;
          options.onError?.('Rate limits through Redis again: one budget per key and token across instances.');
        }
        return wait;
      } catch (err) {
        // Requests in flight together when Redis went away fail together: one line, for the first.
        if (openUntil === null) {
          options.onError?.(
            `Rate limit through Redis failed (${(err as Error).message}); counting in this instance until it answers (trying again every ${retryAfterMs / 1000} s).`,
          );
        }
        openUntil = performance.now() + retryAfterMs;
        return local.take(id, rate, burst);
      } finally {
        if (probe) probing = false;
      }
    },
  };
}
