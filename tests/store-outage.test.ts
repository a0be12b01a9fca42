import { Writable } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type RapportApp } from '../server/app';
import { createKey } from '../server/auth/keys';
import { createTenant } from '../server/auth/tenants';
import { createLogger } from '../server/observability/logger';
import { openStore, type Store } from '../server/store';
import { freshDatabase, services } from './support/services';
import { startForwarder, type TcpForwarder } from './support/tcp-forwarder';

/** Log lines written by the app, parsed. */
function memoryLog(level = 'debug') {
  const lines: any[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  return { lines, logger: createLogger({ level, destination }) };
}

const counter = (text: string, name: string, labels: string) =>
  Number(new RegExp(`^${name}\\{${labels}\\} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);

const env = services('the PostgreSQL outage tests', 'TEST_DATABASE_URL');

describe.skipIf(!env)('a PostgreSQL outage, as API callers and operators see it', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let fwd: TcpForwarder;
  let store: Store;
  let app: RapportApp;
  let key = '';
  let port = 0;
  const log = memoryLog();
  const ask = (headers: Record<string, string> = {}) =>
    app.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, ...headers },
      body: JSON.stringify({ query: '{ rfm { customerCount } }' }),
    });
  const metrics = async () => (await app.fetch('http://yoga/metrics')).text();

  beforeAll(async () => {
    db = await freshDatabase(env!.TEST_DATABASE_URL);
    fwd = await startForwarder(db.url);
    port = fwd.port;
    store = await openStore({ databaseUrl: fwd.url });
    await createTenant(store, 'acme');
    key = (await createKey(store, 'acme', 'read')).key;
    app = createApp({ store, logger: log.logger });
  });
  afterAll(async () => {
    await store?.close();
    await fwd?.close();
    await db?.drop();
  });

  /** The refusal a client gets: JSON, UNAVAILABLE, a request id, and nothing of the database. */
  async function expectUnavailable(res: Response, reqId: string) {
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('x-request-id')).toBe(reqId);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ errors: [{ message: 'The database is unavailable; try again shortly.', extensions: { code: 'UNAVAILABLE' } }] });
    expect(text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|timeout|\bat\b|\.ts:|pg-pool/);
    expect(text).not.toContain(String(port));
    const line = log.lines.find((l) => l.reqId === reqId && l.msg === 'request');
    expect(line).toMatchObject({ level: 50, status: 503, path: '/graphql', errors: ['UNAVAILABLE'] });
    return line;
  }

  it('answers a GraphQL-shaped 503 with a request id when PostgreSQL refuses, logs the real reason once, and counts it', async () => {
    expect((await ask()).status).toBe(200);
    const before = await metrics();
    await fwd.refuse();
    try {
      const line = await expectUnavailable(await ask({ 'x-request-id': 'outage-1' }), 'outage-1');
      expect(line.failure.message).toMatch(/ECONNREFUSED|Connection terminated/);
      expect(log.lines.filter((l) => l.reqId === 'outage-1')).toHaveLength(1);
      const after = await metrics();
      expect(counter(after, 'rapport_graphql_requests_total', 'operation="none",status="503"') - counter(before, 'rapport_graphql_requests_total', 'operation="none",status="503"')).toBe(1);
      expect(counter(after, 'rapport_graphql_errors_total', 'code="UNAVAILABLE"') - counter(before, 'rapport_graphql_errors_total', 'code="UNAVAILABLE"')).toBe(1);

      // /readyz: 503 that names no host, the detail in the log; and both probes logged at debug.
      const ready = await app.fetch('http://yoga/readyz', { headers: { 'x-request-id': 'probe-1' } });
      expect(ready.status).toBe(503);
      expect(await ready.text()).toBe('store unavailable');
      expect(log.lines.find((l) => l.msg === 'not ready: store unavailable')?.err.message).toMatch(/ECONNREFUSED|Connection terminated/);
      expect(log.lines.find((l) => l.reqId === 'probe-1')).toMatchObject({ level: 20, path: '/readyz', status: 503 });
      await app.fetch('http://yoga/healthz', { headers: { 'x-request-id': 'probe-2' } });
      expect(log.lines.find((l) => l.reqId === 'probe-2')).toMatchObject({ level: 20, path: '/healthz', status: 200 });
    } finally {
      await fwd.restore();
    }
    expect((await ask()).status).toBe(200);
  }, 60_000);

  it('answers 503 within the bound, not never, when PostgreSQL hangs; /readyz too', async () => {
    expect((await ask()).status).toBe(200);
    fwd.hang();
    try {
      const started = performance.now();
      await expectUnavailable(await ask({ 'x-request-id': 'hung-1' }), 'hung-1');
      const ready = await app.fetch('http://yoga/readyz');
      expect(ready.status).toBe(503);
      expect(await ready.text()).toBe('store unavailable');
      expect(performance.now() - started).toBeLessThan(15_000);
    } finally {
      await fwd.restore();
    }
    expect((await ask()).status).toBe(200);
  }, 60_000);
});

describe('the unexpected-error log line', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore();
  });
  afterAll(() => store.close());

  it('carries the request id and the constraint, never the row contents PostgreSQL quotes in its detail', async () => {
    const broken = Object.create(store) as Store;
    broken.query = (async (sql: string, params?: unknown[]) => {
      if (sql.includes('server_secrets')) return store.query(sql, params);
      const err = new pg.DatabaseError('new row for relation "interactions" violates check constraint "interactions_text_check"', 0, 'error');
      Object.assign(err, {
        code: '23514', table: 'interactions', constraint: 'interactions_text_check', schema: 'public',
        detail: 'Failing row contains (up, 2, old-2, chat, after upgrade via old instance, customer secret words).',
      });
      throw err;
    }) as Store['query'];
    broken.forTenant = () => broken;
    const own = memoryLog('info');
    const brokenApp = createApp({ store: broken, dev: true, logger: own.logger });
    const res = await brokenApp.fetch('http://yoga/graphql', {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'bug-1' }, body: JSON.stringify({ query: '{ customers(first: 1) { totalCount } }' }),
    });
    expect(await res.text()).toContain('Unexpected error.');
    const line = own.lines.find((l) => l.msg === 'unexpected error');
    expect(line).toMatchObject({ level: 50, reqId: 'bug-1', path: 'customers', err: { code: '23514', constraint: 'interactions_text_check', table: 'interactions' } });
    expect(line.err.message).toContain('violates check constraint');
    expect(JSON.stringify(own.lines)).not.toMatch(/Failing row|customer secret words|old instance/);
  });
});
