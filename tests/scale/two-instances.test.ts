import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../server/store';
import { runCli, startCli, waitForOutput } from '../support/cli';
import { freshDatabase, services, tenantWithReadKey } from '../support/services';
import { subscribeSse, type SseSubscription } from '../support/sse';

const KEY_RATE = 0.01;
const KEY_BURST = 6;
const env = services('the two-instance test (PostgreSQL + Redis)', 'TEST_DATABASE_URL', 'REDIS_URL');

async function gql(url: string, query: string, variables?: Record<string, unknown>): Promise<any> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as any;
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

describe.skipIf(!env)('two server instances on one PostgreSQL and one Redis', () => {
  const children: ReturnType<typeof startCli>[] = [];
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let a = '';
  let b = '';
  let key = '';

  beforeAll(async () => {
    db = await freshDatabase(env!.TEST_DATABASE_URL);
    key = await tenantWithReadKey(db.url, 'limited');
    // A channel prefix of its own, so other runs sharing this Redis (tenant `default` too) are never heard.
    const prefix = `rapport-test-${randomBytes(4).toString('hex')}:`;
    const start = async () => {
      const child = startCli(['serve', '--dev', '--port', '0', '--database-url', db.url, '--redis-url', env!.REDIS_URL, '--log-level', 'warn'], {
        RAPPORT_REDIS_PREFIX: prefix,
        // 6 requests at once, then one per 100 s: nothing refills while the test runs.
        RAPPORT_RATE_LIMIT_KEY: `${KEY_RATE}/${KEY_BURST}`,
      });
      children.push(child);
      return (await waitForOutput(child, /serving (http:\/\/127\.0\.0\.1:\d+)/))[1]!;
    };
    [a, b] = await Promise.all([start(), start()]);
  });

  afterAll(async () => {
    children.forEach((c) => c.kill('SIGKILL'));
    await db?.drop();
  });

  it('gives a row the same global id and cursor on both instances, and numbers interactions in one sequence', async () => {
    const store = await openStore({ databaseUrl: db.url });
    try {
      await store.query(`INSERT INTO tenants (id, name) VALUES ('default', 'default') ON CONFLICT DO NOTHING`);
      await store.query(`INSERT INTO customers (tenant_id, external_id) VALUES ('default', 'same-1'), ('default', 'same-2'), ('default', 'same-3')`);
    } finally {
      await store.close();
    }
    // The first requests of both instances at once: each may create the key of the global ids; both must use one.
    const page = '{ customers(first: 2) { edges { cursor node { id externalId } } pageInfo { endCursor } } }';
    const [onA, onB] = await Promise.all([gql(a, page), gql(b, page)]);
    expect(onA.customers.edges.map((e: any) => e.node.externalId)).toEqual(['same-1', 'same-2']);
    expect(onB).toEqual(onA);
    const next = 'query($after: String) { customers(first: 1, after: $after) { edges { node { externalId } } } }';
    expect((await gql(b, next, { after: onA.customers.pageInfo.endCursor })).customers.edges[0].node.externalId).toBe('same-3');
    // Writers on both instances share the tenant's one sequence.
    const add = 'mutation($x: String!) { addInteractions(input: [{ externalId: $x, channel: chat, occurredAt: "2024-05-02", text: "seq" }]) { accepted } }';
    for (const [url, x] of [[a, 'seq-a1'], [b, 'seq-b1'], [a, 'seq-a2']] as const) await gql(url, add, { x });
    const { interactions } = await gql(b, '{ interactions(first: 10) { lastSequence edges { node { externalId sequence } } } }');
    const sequence = new Map(interactions.edges.map((e: any) => [e.node.externalId, Number(e.node.sequence)]));
    const first = sequence.get('seq-a1') as number;
    expect([sequence.get('seq-b1'), sequence.get('seq-a2')]).toEqual([first + 1, first + 2]);
    expect(Number(interactions.lastSequence)).toBe(first + 2);
  });

  it('delivers an interaction added through A to a subscriber on B', async () => {
    const sub: SseSubscription = await subscribeSse(`${b}/graphql`, 'subscription { interactionAdded { externalId } }');
    try {
      // The Redis SUBSCRIBE is sent as the stream opens; a short wait keeps the first publish from racing it.
      await new Promise((r) => setTimeout(r, 300));
      const added = await gql(a, `mutation { addInteractions(input: [{ externalId: "across-1", channel: chat, occurredAt: "2024-05-01", text: "hello from A" }]) { accepted inserted } }`);
      expect(added.addInteractions).toEqual({ accepted: true, inserted: 1 });
      const [event] = await sub.waitFor(1);
      expect(event).toEqual({ data: { interactionAdded: { externalId: 'across-1' } } });
    } finally {
      sub.close();
    }
  });

  it("refreshes B's cached rfm after orders are added through A", async () => {
    const query = '{ rfm { customerCount } }';
    const before = (await gql(b, query)).rfm.customerCount;
    // Twice: the second answer comes from B's warm cache.
    expect((await gql(b, query)).rfm.customerCount).toBe(before);
    const orders = [1, 2].map((n) => ({ invoice: `X-${n}`, customerExternalId: `across-${n}`, orderedAt: '2024-06-0' + n, quantity: 1, unitPrice: 9.5 }));
    const added = await gql(a, 'mutation($o: [OrderInput!]!) { addOrders(input: $o) { accepted inserted } }', { o: orders });
    expect(added.addOrders).toEqual({ accepted: true, inserted: 2 });
    expect((await gql(b, query)).rfm.customerCount).toBe(before + 2);
  });

  it('gives a key one rate budget across both instances: 429 and Retry-After on either once it is spent', async () => {
    const ask = async (url: string) => {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query: '{ customers { totalCount } }' }),
      });
      return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as any };
    };
    // Half the burst on each instance: per-process buckets would leave each one half of its own.
    const spent = [];
    for (let i = 0; i < KEY_BURST; i++) spent.push((await ask(i % 2 ? b : a)).status);
    expect(spent).toEqual(Array(KEY_BURST).fill(200));
    for (const url of [a, b]) {
      const refused = await ask(url);
      expect(refused.status).toBe(429);
      expect(refused.body.errors[0].extensions.code).toBe('RATE_LIMITED');
      expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(refused.body.errors[0].message).not.toContain(key.slice(-20));
    }
  });
});

describe('a server told to use a Redis it cannot reach', () => {
  it('refuses to start, in one sentence, before opening its store', async () => {
    const run = await runCli(['serve', '--dev', '--port', '0', '--data', '/nonexistent/never-created', '--redis-url', 'redis://:hunter2@127.0.0.1:1', '--log-level', 'silent']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^rapport: Cannot reach Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1 \(.*ECONNREFUSED.*\)\. Start it, or leave out --redis-url/m);
    expect(run.stderr + run.stdout).not.toContain('hunter2');
  });
});
