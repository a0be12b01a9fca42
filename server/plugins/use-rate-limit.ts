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
   * Requests per second the embed tokens of one key may sustain together, however many tokens it mints: without
   * it, a page that can get fresh tokens gets a fresh budget with each. @default 200
   */
  keyTokensRate?: number;
  /** @default 1000 */
  keyTokensBurst?: number;
  /**
   * Where the buckets live: `redisBuckets` shares one budget across instances (`serve` uses it with Redis).
   * @default memoryBuckets(), this instance alone
   */
  buckets?: RateBuckets;
}

export const RATE_LIMIT_DEFAULTS = { keyRate: 50, keyBurst: 200, tokenRate: 10, tokenBurst: 40, keyTokensRate: 200, keyTokensBurst: 1000 };

/**
 * A token bucket per API key, per embed token, and per key for all the embed tokens it minted. Dev-mode requests are not limited. Over the limit: 429 with
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
      const refusal = await take(principal);
      if (refusal) endResponse(errorResponse(fetchAPI.Response, refusal));
    },
    onRequestParse({ request }) {
      return {
        // The request itself was counted above; each further operation of a batch is counted here.
        async onRequestParseDone({ requestParserResult }) {
          if (!Array.isArray(requestParserResult) || requestParserResult.length < 2) return;
          const principal = principalOf(request);
          if (principal.kind === 'dev') return;
          for (let i = 1; i < requestParserResult.length; i++) {
            const refusal = await take(principal, requestParserResult.length);
            if (refusal) throw refusal;
          }
        },
      };
    },
  };

  /** Takes one request from each of the principal's buckets; the refusal when one is empty. */
  async function take(principal: Principal, batch?: number) {
    if (principal.kind === 'key') {
      const wait = await buckets.take(principal.id, o.keyRate, o.keyBurst);
      return wait > 0 ? limited('this key', wait, batch) : undefined;
    }
    const wait = await buckets.take(principal.id, o.tokenRate, o.tokenBurst);
    if (wait > 0) return limited('this token', wait, batch);
    const shared = await buckets.take(`key-tokens:${principal.keyId}`, o.keyTokensRate, o.keyTokensBurst);
    return shared > 0 ? limited("the embed tokens of this token's key together", shared, batch) : undefined;
  }
}

function limited(whose: string, wait: number, batch?: number) {
  const what = batch ? `; this batch of ${batch} operations counts as ${batch} requests` : '';
  return authError('RATE_LIMITED', `Too many requests for ${whose}${what}; retry in ${wait} s.`, { 'retry-after': String(wait) });
}
