/**
 * Token buckets for the rate limit: `rate` requests a second sustained, `burst` at once after being idle. The
 * interface lets the buckets live in this process (one instance) or in Redis (a budget shared by every instance).
 */
export interface RateBuckets {
  /** Takes one request from `id`'s bucket: 0 when it was there, else the whole seconds until one will be. */
  take(id: string, rate: number, burst: number): Promise<number>;
}

interface Bucket {
  tokens: number;
  at: number;
  rate: number;
  burst: number;
}

/** Buckets in this process's memory: with N instances behind a proxy, a caller gets N budgets. */
export function memoryBuckets(maxBuckets = 50_000): RateBuckets {
  const buckets = new Map<string, Bucket>();
  return {
    async take(id, rate, burst) {
      const now = performance.now();
      const bucket = buckets.get(id) ?? { tokens: burst, at: now, rate, burst };
      bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * rate);
      bucket.at = now;
      buckets.set(id, bucket);
      if (buckets.size > maxBuckets) sweep(buckets, now);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return retryAfter(bucket.tokens, rate);
    },
  };
}

export const retryAfter = (tokens: number, rate: number) => Math.max(1, Math.ceil((1 - tokens) / rate));

/** Drops buckets that have refilled: they hold nothing a fresh bucket would not. */
function sweep(buckets: Map<string, Bucket>, now: number): void {
  for (const [id, b] of buckets) if (b.tokens + ((now - b.at) / 1000) * b.rate >= b.burst) buckets.delete(id);
}
