import type { Plugin } from 'graphql-yoga';
import { authError, errorResponse } from '../auth/auth-error';
import { principalOf } from './use-credentials';

export interface RateLimitOptions {
  /** Requests per second an API key may sustain. @default 50 */
  keyRate?: number;
  /** Requests an API key may send at once after being idle. @default 200 */
  keyBurst?: number;
  /** Requests per second one embed token may sustain (a widget refreshes rarely). @default 10 */
  tokenRate?: number;
  /** @default 40 */
  tokenBurst?: number;
}

export const RATE_LIMIT_DEFAULTS: Required<RateLimitOptions> = { keyRate: 50, keyBurst: 200, tokenRate: 10, tokenBurst: 40 };

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per API key and per embed token, in this instance's memory: with several instances behind a
 * proxy each allows the rate, which bounds abuse well enough until limits move to Redis. Dev-mode requests are
 * not limited. Over the limit: 429 with `Retry-After` in whole seconds.
 */
export function useRateLimit(options: RateLimitOptions = {}): Plugin {
  const o = { ...RATE_LIMIT_DEFAULTS, ...options };
  const buckets = new Map<string, Bucket>();
  return {
    onRequest({ request, fetchAPI, endResponse }) {
      if (request.method === 'OPTIONS') return;
      let principal;
      try {
        principal = principalOf(request);
      } catch {
        return; // not a GraphQL request (health checks)
      }
      if (principal.kind === 'dev') return;
      const [rate, burst] = principal.kind === 'key' ? [o.keyRate, o.keyBurst] : [o.tokenRate, o.tokenBurst];
      const now = performance.now();
      const bucket = buckets.get(principal.id) ?? { tokens: burst, at: now };
      bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * rate);
      bucket.at = now;
      buckets.set(principal.id, bucket);
      if (buckets.size > 50_000) sweep(buckets, now, burst, rate);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return;
      }
      const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / rate));
      const error = authError('RATE_LIMITED', `Too many requests for this ${principal.kind}; retry in ${retryAfter} s.`, {
        'retry-after': String(retryAfter),
      });
      endResponse(errorResponse(fetchAPI.Response, error));
    },
  };
}

/** Drops buckets that have refilled: they hold nothing a fresh bucket would not. */
function sweep(buckets: Map<string, Bucket>, now: number, burst: number, rate: number): void {
  for (const [id, b] of buckets) if (b.tokens + ((now - b.at) / 1000) * rate >= burst) buckets.delete(id);
}
