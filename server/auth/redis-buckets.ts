/**
 * Rate-limit buckets in Redis, so every instance draws on one budget per key and per token. One Lua script takes
 * a request atomically (refill by elapsed time, then take one) and reads the time from Redis itself, so the
 * instances' clocks do not matter. A bucket expires once it would be full again: Redis holds only active callers.
 * If Redis fails, requests are counted in this process instead (the limit holds per instance) and the error is
 * reported once per distinct message; Redis is used again as soon as it answers.
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
}

export function redisBuckets(client: Redis, options: RedisBucketOptions = {}): RateBuckets {
  const prefix = `${options.prefix ?? 'rapport:'}rate:`;
  if (!('rapportTakeToken' in client)) client.defineCommand('rapportTakeToken', { numberOfKeys: 1, lua: TAKE });
  const redis = client as WithTake;
  const local = memoryBuckets();
  let lastReported = '';
  return {
    async take(id, rate, burst) {
      try {
        const wait = await redis.rapportTakeToken(prefix + id, rate, burst);
        lastReported = '';
        return wait;
      } catch (err) {
        const message = `Rate limit through Redis failed (${(err as Error).message}); counting in this instance until it answers.`;
        if (message !== lastReported) options.onError?.(message);
        lastReported = message;
        return local.take(id, rate, burst);
      }
    },
  };
}
