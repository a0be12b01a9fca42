import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisBuckets } from '../../server/auth/redis-buckets';
import { services } from '../support/services';
import { startForwarder } from '../support/tcp-forwarder';

const env = services('the Redis rate-limit buckets', 'REDIS_URL');

describe.skipIf(!env)('rate-limit buckets in Redis', () => {
  // Two clients stand for two instances; a prefix of their own keeps other runs' buckets apart.
  const prefix = `rapport-test-${randomBytes(4).toString('hex')}:`;
  let a: Redis;
  let b: Redis;
  beforeAll(() => {
    a = new Redis(env!.REDIS_URL);
    b = new Redis(env!.REDIS_URL);
  });
  afterAll(async () => {
    const keys = await a.keys(`${prefix}*`);
    if (keys.length) await a.del(...keys);
    await Promise.all([a.quit(), b.quit()]);
  });

  it('share one budget between instances and say when to retry', async () => {
    const onA = redisBuckets(a, { prefix });
    const onB = redisBuckets(b, { prefix });
    // 0.01/s refills one request per 100 s: nothing refills while the test runs, however loaded the machine.
    const waits = [];
    for (let i = 0; i < 4; i++) waits.push(await (i % 2 ? onB : onA).take('key:shared', 0.01, 4));
    expect(waits).toEqual([0, 0, 0, 0]);
    const [onAWait, onBWait] = [await onA.take('key:shared', 0.01, 4), await onB.take('key:shared', 0.01, 4)];
    expect(onAWait).toBeGreaterThan(1);
    expect(onAWait).toBeLessThanOrEqual(100);
    expect(onBWait).toBeGreaterThan(1);
    // Another caller has its own bucket; the bucket expires once it would be full again.
    expect(await onB.take('key:other', 0.01, 4)).toBe(0);
    const ttl = await a.pttl(`${prefix}rate:key:other`);
    expect(ttl).toBeGreaterThan(1000);
    expect(ttl).toBeLessThanOrEqual(101_000);
  });

  it('refill at the rate', async () => {
    const buckets = redisBuckets(a, { prefix });
    expect(await buckets.take('token:fast', 20, 1)).toBe(0);
    expect(await buckets.take('token:fast', 20, 1)).toBe(1);
    await new Promise((r) => setTimeout(r, 120)); // 20/s: one request is back after 50 ms
    expect(await buckets.take('token:fast', 20, 1)).toBe(0);
  });

  it('fall back to this process when Redis fails, still limiting, and say so once', async () => {
    const dead = new Redis('redis://127.0.0.1:1', { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
    dead.on('error', () => {});
    const messages: string[] = [];
    const buckets = redisBuckets(dead, { prefix, onError: (m) => messages.push(m) });
    const waits = [];
    for (let i = 0; i < 3; i++) waits.push(await buckets.take('key:k', 0.01, 2));
    expect(waits.slice(0, 2)).toEqual([0, 0]);
    expect(waits[2]).toBeGreaterThan(1);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^Rate limit through Redis failed .*counting in this instance/);
    dead.disconnect();
  });

  it('stop waiting for a hung Redis: answer from memory within a bound, say so once, and use Redis again once it answers', async () => {
    const fwd = await startForwarder(env!.REDIS_URL);
    // A client with no command timeout of its own: the buckets bound the wait themselves.
    const client = new Redis(fwd.url, { maxRetriesPerRequest: 1 });
    client.on('error', () => {});
    const messages: string[] = [];
    const buckets = redisBuckets(client, { prefix, onError: (m) => messages.push(m), timeoutMs: 300, retryAfterMs: 1500 });
    // Generous: it proves "does not hang", not a latency figure.
    const bounded = (id: string) => Promise.race([buckets.take(id, 0.01, 2), new Promise<string>((r) => setTimeout(() => r('hung'), 10_000))]);
    try {
      expect(await bounded('key:hung')).toBe(0);
      fwd.hang();
      const waits = [];
      for (let i = 0; i < 3; i++) waits.push(await bounded('key:hung'));
      // This process's bucket starts full: two, then refused.
      expect(waits.slice(0, 2)).toEqual([0, 0]);
      expect(waits[2]).toBeGreaterThan(1);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatch(/^Rate limit through Redis failed \(.*\); counting in this instance/);
      await fwd.restore();
      await new Promise((r) => setTimeout(r, 1600));
      expect(typeof (await bounded('key:hung'))).toBe('number');
      expect(messages).toHaveLength(2);
      expect(messages[1]).toMatch(/through Redis again/);
    } finally {
      client.disconnect();
      await fwd.close();
    }
  });
});
