/**
 * A write of thousands of interactions while someone is subscribed. One event per interaction used to overflow the
 * subscriber's queue at 1,025 (`RepeaterOverflowError`, thrown where nothing caught it) and end the server process,
 * every instance with a subscriber of the tenant. Now a stream gets every interaction, or, once it is further
 * behind than its backlog, ends with `STREAM_OVERFLOW` saying where to resume — and the server keeps serving.
 */
import { rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../server/app';
import { createHttpServer } from '../server/http-server';
import { createLiveBus } from '../server/live-bus';
import { openStore, type Store } from '../server/store';
import type { RapportEvents } from '../schema';
import { runCli, startCli, waitForOutput } from './support/cli';
import { tempFiles } from './support/files';
import { freshDatabase, services } from './support/services';
import { subscribeSse, type SseSubscription } from './support/sse';

const N = 3_000;
const ADD = 'mutation($i: [InteractionInput!]!) { addInteractions(input: $i) { accepted inserted } }';
const SUBSCRIPTION = 'subscription { interactionAdded { externalId sequence } }';

const items = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, k) => ({ externalId: `${prefix}-${k}`, channel: 'chat', occurredAt: '2024-05-01T10:00:00Z', text: `message ${k} of ${prefix}` }));
const csv = (prefix: string, n: number) =>
  'external_id,channel,occurred_at,text\n' + items(prefix, n).map((i) => `${i.externalId},chat,${i.occurredAt},${i.text}`).join('\n') + '\n';

async function gql(base: string, query: string, variables?: Record<string, unknown>): Promise<any> {
  const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return res.json();
}

const received = (s: SseSubscription) => s.events.flatMap((e: any) => (e?.data?.interactionAdded ? [e.data.interactionAdded] : []));
const errors = (s: SseSubscription) => s.events.flatMap((e: any) => e?.errors ?? []);

/** Opens the stream and waits for the server to listen (it subscribes after answering with its headers). */
async function open(base: string): Promise<SseSubscription> {
  const stream = await subscribeSse(`${base}/graphql`, SUBSCRIPTION);
  await new Promise((r) => setTimeout(r, 200));
  return stream;
}

describe('a live subscriber of a big write, on a real server (PGlite)', () => {
  const files = tempFiles('rapport-live-');
  let server: ReturnType<typeof startCli>;
  let base = '';

  beforeAll(async () => {
    server = startCli(['serve', '--dev', '--port', '0', '--data', `${files.dir}/data`, '--log-level', 'warn']);
    base = (await waitForOutput(server, /serving (http:\/\/127\.0\.0\.1:\d+)/))[1]!;
  }, 120_000);
  afterAll(() => {
    server?.kill('SIGKILL');
    rmSync(files.dir, { recursive: true, force: true });
  });

  it(`delivers all ${N} interactions of one addInteractions and all ${N} of a file import, in order, and keeps serving`, async () => {
    const stream = await open(base);
    try {
      const added = await gql(base, ADD, { i: items('api', N) });
      expect(added).toEqual({ data: { addInteractions: { accepted: true, inserted: N } } });
      const imported = await runCli(['import', 'interactions', files.write('big.csv', csv('file', N)), '--server', base]);
      expect(imported.stderr).not.toMatch(/Error/);
      expect(imported.code).toBe(0);

      await stream.waitFor(2 * N, 60_000);
      const got = received(stream);
      expect(errors(stream)).toEqual([]);
      expect(got.map((e) => e.externalId)).toEqual([...items('api', N), ...items('file', N)].map((i) => i.externalId));
      const sequences = got.map((e) => Number(e.sequence));
      expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
      expect(server.exitCode).toBeNull();
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    } finally {
      stream.close();
    }
  }, 120_000);
});

describe('rapport import --redis-url', () => {
  const files = tempFiles('rapport-live-flags-');
  afterAll(() => rmSync(files.dir, { recursive: true, force: true }));

  it('is refused, in one sentence and before anything is read, where there is nothing to announce to', async () => {
    const file = files.write('one.csv', csv('flag', 1));
    const pglite = await runCli(['import', 'interactions', file, '--data', `${files.dir}/data`, '--redis-url', 'redis://127.0.0.1:1']);
    expect([pglite.code, pglite.stderr.trim()]).toEqual([2, 'rapport: --redis-url applies to imports into PostgreSQL (--database-url): a server on PGlite holds its store, so import through it with --server.']);
    const server = await runCli(['import', 'interactions', file, '--server', 'http://127.0.0.1:1', '--redis-url', 'redis://127.0.0.1:1']);
    expect([server.code, server.stderr.trim()]).toEqual([2, 'rapport: --redis-url applies to imports into a store opened here; a server announces what it imports itself.']);
  }, 60_000);
});

describe('a subscriber further behind than its backlog (in process, over a real socket)', () => {
  const BACKLOG = 1_000;
  let store: Store;
  let http: Server;
  let base = '';

  beforeAll(async () => {
    store = await openStore();
    const pubsub = createLiveBus<RapportEvents>(new EventTarget(), { backlog: BACKLOG });
    http = createHttpServer({ app: createApp({ store, dev: true, pubsub }) });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    http?.closeAllConnections();
    http?.close();
    await store?.close();
  });

  it('gets what it kept, then STREAM_OVERFLOW with the sequence to resume after; the rest is there to read; nothing is lost', async () => {
    const overflows = async () => Number(/^rapport_stream_overflows_total (\d+)$/m.exec(await (await fetch(`${base}/metrics`)).text())?.[1]);
    const before = await overflows();
    const stream = await open(base);
    const other = await open(base);
    expect((await gql(base, ADD, { i: items('burst', N) })).data.addInteractions.inserted).toBe(N);
    await Promise.all([stream.ended, other.ended]);
    expect(await overflows()).toBe(before + 2);

    const got = received(stream);
    expect(got).toHaveLength(BACKLOG);
    expect(got.map((e) => e.externalId)).toEqual(items('burst', BACKLOG).map((i) => i.externalId));
    const [error, ...more] = errors(stream);
    expect(more).toEqual([]);
    const resumeAfter = got.at(-1).sequence;
    expect(error).toMatchObject({ extensions: { code: 'STREAM_OVERFLOW', resumeAfter } });
    expect(error.message).toContain(`interactions(addedAfter: "${resumeAfter}")`);
    expect(received(other)).toEqual(got); // each stream on its own, the same way

    // What the stream could not keep is exactly what addedAfter returns.
    const rest: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await gql(base, 'query($s: String, $a: String) { interactions(first: 500, after: $a, addedAfter: $s) { edges { node { externalId } } pageInfo { hasNextPage endCursor } } }', { s: resumeAfter, a: after })).data.interactions;
      rest.push(...page.edges.map((e: any) => e.node.externalId));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(new Set([...got.map((e) => e.externalId), ...rest])).toEqual(new Set(items('burst', N).map((i) => i.externalId)));
    expect(rest).toHaveLength(N - BACKLOG);

    // A new stream starts afresh.
    const again = await open(base);
    try {
      await gql(base, ADD, { i: items('after', 2) });
      await again.waitFor(2);
      expect(received(again).map((e) => e.externalId)).toEqual(['after-0', 'after-1']);
    } finally {
      again.close();
    }
  }, 60_000);
});

const env = services('the live backlog test on PostgreSQL + Redis', 'TEST_DATABASE_URL', 'REDIS_URL');

describe.skipIf(!env)('live subscribers of big writes on PostgreSQL + Redis', () => {
  const files = tempFiles('rapport-live-redis-');
  const children: ReturnType<typeof startCli>[] = [];
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  // A channel prefix of its own, so other runs sharing this Redis are never heard.
  const prefix = `rapport-test-${randomBytes(4).toString('hex')}:`;
  let a = '';
  let b = '';

  beforeAll(async () => {
    db = await freshDatabase(env!.TEST_DATABASE_URL);
    const start = async () => {
      const child = startCli(['serve', '--dev', '--port', '0', '--database-url', db.url, '--redis-url', env!.REDIS_URL, '--log-level', 'warn'], { RAPPORT_REDIS_PREFIX: prefix });
      children.push(child);
      return (await waitForOutput(child, /serving (http:\/\/127\.0\.0\.1:\d+)/))[1]!;
    };
    [a, b] = await Promise.all([start(), start()]);
  }, 120_000);
  afterAll(async () => {
    children.forEach((c) => c.kill('SIGKILL'));
    rmSync(files.dir, { recursive: true, force: true });
    await db?.drop();
  });

  it(`a write of ${N} through A reaches subscribers on A and B in full; both instances keep serving`, async () => {
    const [onA, onB] = await Promise.all([open(a), open(b)]);
    try {
      expect((await gql(a, ADD, { i: items('cluster', N) })).data.addInteractions.inserted).toBe(N);
      await Promise.all([onA.waitFor(N, 60_000), onB.waitFor(N, 60_000)]);
      const want = items('cluster', N).map((i) => i.externalId);
      expect(received(onA).map((e) => e.externalId)).toEqual(want);
      expect(received(onB).map((e) => e.externalId)).toEqual(want);
      expect(children.map((c) => c.exitCode)).toEqual([null, null]);
    } finally {
      onA.close();
      onB.close();
    }
  }, 120_000);

  it(`rapport import straight into PostgreSQL with --redis-url reaches the servers' subscribers (${N} rows)`, async () => {
    const onB = await open(b);
    try {
      const run = await runCli(
        ['import', 'interactions', files.write('direct.csv', csv('direct', N)), '--database-url', db.url, '--redis-url', env!.REDIS_URL, '--progress-lines'],
        { RAPPORT_REDIS_PREFIX: prefix },
      );
      expect(run.stdout).toContain(`${N} new`);
      expect(run.code).toBe(0);
      await onB.waitFor(N, 60_000);
      expect(received(onB).map((e) => e.externalId)).toEqual(items('direct', N).map((i) => i.externalId));
    } finally {
      onB.close();
    }
  }, 120_000);
});
