import type { Plugin } from 'graphql-yoga';
import { authError, errorResponse } from '../auth/auth-error';
import { memoryBuckets, type RateBuckets } from '../auth/rate-buckets';
import type { Principal } from '../auth/credentials';
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
  /**
   * Where the buckets live: `redisBuckets` shares one budget across instances (`serve` uses it with Redis).
   * @default memoryBuckets(), this instance alone
   */
  buckets?: RateBuckets;
}

export const RATE_LIMIT_DEFAULTS = { keyRate: 50, keyBurst: 200, tokenRate: 10, tokenBurst: 40 };

/**
 * A token bucket per API key and per embed token. Dev-mode requests are not limited. Over the limit: 429 with
 * `Retry-After` in whole seconds. A batched request counts once per operation: ten operations in one POST cost
 * the server what ten requests do.
 */
export function useRateLimit(options: RateLimitOptions = {}): Plugin {
  const o = { ...RATE_LIMIT_DEFAULTS, ...options };
  const buckets = options.buckets ?? memoryBuckets();
  return {
    async onRequest({ request, fetchAPI, endResponse }) {
      if (request.method === 'OPTIONS') return;
      let principal;
      try {
        principal = principalOf(request);
      } catch {
        return; // not a GraphQL request (health checks)
      }
      if (principal.kind === 'dev') return;
      const wait = await buckets.take(principal.id, ...budget(principal));
      if (wait === 0) return;
      endResponse(errorResponse(fetchAPI.Response, limited(principal, wait)));
    },
    onRequestParse({ request }) {
      return {
        // The request itself was counted above; each further operation of a batch is counted here.
        async onRequestParseDone({ requestParserResult }) {
          if (!Array.isArray(requestParserResult) || requestParserResult.length < 2) return;
          const principal = principalOf(request);
          if (principal.kind === 'dev') return;
          for (let i = 1; i < requestParserResult.length; i++) {
            const wait = await buckets.take(principal.id, ...budget(principal));
            if (wait > 0) throw limited(principal, wait, requestParserResult.length);
          }
        },
      };
    },
  };

  function budget(principal: Principal): [rate: number, burst: number] {
    return principal.kind === 'key' ? [o.keyRate, o.keyBurst] : [o.tokenRate, o.tokenBurst];
  }
}

function limited(principal: Principal, wait: number, batch?: number) {
  const what = batch ? `; this batch of ${batch} operations counts as ${batch} requests` : '';
  return authError('RATE_LIMITED', `Too many requests for this ${principal.kind}${what}; retry in ${wait} s.`, { 'retry-after': String(wait) });
}
