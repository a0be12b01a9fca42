import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCli, waitForOutput } from '../support/cli';
import { freshDatabase, services, tenantWithReadKey } from '../support/services';
import { subscribeSse, type SseSubscription } from '../support/sse';
import { startForwarder, startSilentListener, type TcpForwarder } from '../support/tcp-forwarder';

const env = services('the Redis outage tests (PostgreSQL + Redis)', 'TEST_DATABASE_URL', 'REDIS_URL');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const exited = (child: ReturnType<typeof startCli>) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', (code) => resolve(code))));

/**
 * Redis taken away from running servers the way an operator loses it: the forwarder between server and Redis is
 * closed (connection refused) or stops passing bytes (a hung Redis). The real Redis is never touched; every key
 * and channel is under a prefix of this run's own.
 */
describe.skipIf(!env)('a server whose Redis goes away', () => {
  const prefix = `rapport-test-${randomBytes(4).toString('hex')}:`;
  const children: ReturnType<typeof startCli>[] = [];
  const forwarders: TcpForwarder[] = [];
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let key = '';

  beforeAll(async () => {
    db = await freshDatabase(env!.TEST_DATABASE_URL);
    key = await tenantWithReadKey(db.url, 'limited');
  });

  afterEach(async () => {
    children.splice(0).forEach((c) => c.kill('SIGKILL'));
    await Promise.all(forwarders.splice(0).map((f) => f.close()));
  });

  afterAll(async () => {
    const redis = new Redis(env!.REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
    await db?.drop();
  });

  async function serve(redisUrl: string) {
    const child = startCli(['serve', '--dev', '--port', '0', '--database-url', db.url, '--redis-url', redisUrl, '--log-level', 'warn'], {
      RAPPORT_REDIS_PREFIX: prefix,
      // 3 requests at once, then one per 100 s: nothing refills while a test runs.
      RAPPORT_RATE_LIMIT_KEY: '0.01/3',
    });
    children.push(child);
    return { child, url: (await waitForOutput(child, /serving (http:\/\/127\.0\.0\.1:\d+)/))[1]! };
  }

  async function forwarder() {
    const f = await startForwarder(env!.REDIS_URL);
    forwarders.push(f);
    return f;
  }

  // Generous: proves "does not hang", not a latency figure.
  const BOUND = 20_000;

  it('answers keyed requests while Redis hangs, counting the rate limit in memory', async () => {
    const fwd = await forwarder();
    const { child, url } = await serve(fwd.url);
    const ask = async () => {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query: '{ customers { totalCount } }' }),
        signal: AbortSignal.timeout(BOUND),
      });
      return { status: res.status, body: (await res.json()) as any };
    };
    expect((await ask()).status).toBe(200); // one of the three, taken in Redis
    fwd.hang();
    const statuses = [];
    // This instance's own bucket starts full: three more, then refused — the limit still holds.
    for (let i = 0; i < 4; i++) statuses.push((await ask()).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const ready = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(BOUND) });
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ store: 'ok', redis: 'degraded' });
    const { stdout } = child.output();
    expect(stdout.match(/counting in this instance/g)).toHaveLength(1);

    await fwd.restore();
    await expect.poll(async () => ((await (await fetch(`${url}/readyz`)).json()) as any).redis, { timeout: BOUND }).toBe('ok');
  });

  it('stays up when a stream opens or closes while Redis refuses connections, and delivers again once it is back', async () => {
    const fwd = await forwarder();
    const { child, url } = await serve(fwd.url);
    const subscription = 'subscription { interactionAdded { externalId } }';
    const first: SseSubscription = await subscribeSse(`${url}/graphql`, subscription);
    let second: SseSubscription | undefined;
    try {
      await sleep(300);
      await fwd.refuse();
      // Another tenant's topic (a SUBSCRIBE), and the only stream on the first topic closed (an UNSUBSCRIBE).
      second = await subscribeSse(`${url}/graphql`, subscription, { 'x-rapport-tenant': 'limited' });
      first.close();
      // The old failure came about 3 s after the stream opened or closed (ioredis's retries running out).
      await sleep(6000);
      expect(child.exitCode, JSON.stringify(child.output())).toBeNull();
      const health = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ customers { totalCount } }' }),
        signal: AbortSignal.timeout(BOUND),
      });
      expect(health.status).toBe(200);

      await fwd.restore();
      // Once Redis is back the stream opened while it was away hears new interactions (subscribed again).
      const add = (n: number) =>
        fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-rapport-tenant': 'limited' },
          body: JSON.stringify({ query: `mutation { addInteractions(input: [{ externalId: "back-${n}", channel: chat, occurredAt: "2024-05-01", text: "hi" }]) { accepted } }` }),
        });
      for (let n = 0; n < 30 && second.events.length === 0; n++) (await add(n), await sleep(500));
      expect(second.events.length).toBeGreaterThan(0);
      expect(child.exitCode).toBeNull();
    } finally {
      first.close();
      second?.close();
    }
  });

  it('exits 0 on SIGTERM with a stream open', async () => {
    const { child, url } = await serve(env!.REDIS_URL);
    const sub = await subscribeSse(`${url}/graphql`, 'subscription { interactionAdded { externalId } }');
    try {
      await sleep(300);
      child.kill('SIGTERM');
      const code = await exited(child);
      expect(code, JSON.stringify(child.output())).toBe(0);
      expect(child.output().stderr).not.toMatch(/Connection is closed|Unhandled|Error/);
    } finally {
      sub.close();
    }
  });
});

describe('a server told to use a Redis it cannot use', () => {
  it('gives up on a Redis that accepts connections but never answers, in one sentence and bounded time', async () => {
    const silent = await startSilentListener();
    try {
      const started = Date.now();
      const run = await runCli(['serve', '--dev', '--port', '0', '--data', '/nonexistent/never-created', '--redis-url', `redis://127.0.0.1:${silent.port}`, '--log-level', 'warn']);
      expect(Date.now() - started).toBeLessThan(60_000);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(new RegExp(`^rapport: Cannot reach Redis at redis://127\\.0\\.0\\.1:${silent.port}/? \\(.*\\)\\. Start it`, 'm'));
      expect((run.stdout + run.stderr).match(/Cannot reach Redis|Redis \(/g)).toHaveLength(1);
    } finally {
      await silent.close();
    }
  }, 90_000);

  it('keeps a password in the query string out of its output, and says the failure once', async () => {
    const run = await runCli(['serve', '--dev', '--port', '0', '--data', '/nonexistent/never-created', '--redis-url', 'redis://127.0.0.1:1?password=RedisPw1', '--log-level', 'warn']);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).not.toContain('RedisPw1');
    expect(run.stderr).toMatch(/^rapport: Cannot reach Redis at redis:\/\/127\.0\.0\.1:1\/?\?password=\*\*\* \(.*ECONNREFUSED.*\)/m);
    expect((run.stdout + run.stderr).match(/ECONNREFUSED/g)).toHaveLength(1);
  });

  it('refuses a URL that is not redis:// as a usage error', async () => {
    const run = await runCli(['serve', '--dev', '--port', '0', '--data', '/nonexistent/never-created', '--log-level', 'warn'], { REDIS_URL: 'http://127.0.0.1:6379' });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(/^rapport: REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL, not "http:\/\/127\.0\.0\.1:6379\/?"\.$/);
  });
});
