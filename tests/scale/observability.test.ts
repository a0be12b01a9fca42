import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type RapportApp } from '../../server/app';
import { createLogger } from '../../server/observability/logger';
import { openStore, type Store } from '../../server/store';

/** Log lines written by the app, parsed. */
function memoryLog() {
  const lines: any[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'info', destination }) };
}

const counter = (text: string, name: string, labels: string) =>
  Number(new RegExp(`^${name}\\{${labels}\\} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);

describe('observability: /metrics and the request log', () => {
  let store: Store;
  let app: RapportApp;
  const log = memoryLog();
  const gql = (query: string, headers: Record<string, string> = {}) =>
    app.fetch('http://yoga/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  const metrics = async () => (await app.fetch('http://yoga/metrics')).text();

  beforeAll(async () => {
    store = await openStore();
    app = createApp({ store, dev: true, logger: log.logger });
  });
  afterAll(() => store.close());

  it('counts requests by operation and status, errors by code, and import rows, without credentials', async () => {
    const before = await metrics();
    expect(before).toMatch(/^# TYPE rapport_graphql_requests_total counter$/m);
    await gql('{ rfm { customerCount } }');
    await gql('{ rfm { customerCount } }');
    await gql('{ nope }');
    await gql('mutation { addOrders(input: [{ invoice: "M1", customerExternalId: "m1", orderedAt: "2024-01-01", quantity: 1, unitPrice: 1 }]) { accepted } }');
    const after = await metrics();
    const grew = (name: string, labels: string) => counter(after, name, labels) - counter(before, name, labels);
    expect(grew('rapport_graphql_requests_total', 'operation="query",status="200"')).toBe(2);
    expect(grew('rapport_graphql_requests_total', 'operation="mutation",status="200"')).toBe(1);
    expect(grew('rapport_graphql_errors_total', 'code="GRAPHQL_VALIDATION_FAILED"')).toBe(1);
    expect(grew('rapport_import_rows_total', 'kind="orders",result="inserted"')).toBe(1);
    expect(grew('rapport_graphql_request_duration_seconds_count', 'operation="query"')).toBe(2);
  });

  it('times each network engine run', async () => {
    const before = await metrics();
    await gql('mutation { addRelationships(input: [{ source: "m1", target: "m2", kind: "follows" }, { source: "m2", target: "m3", kind: "colleague" }]) { accepted } }');
    const res = await gql('{ network { communityCount influencers(first: 1) { betweenness } } }');
    expect((await res.json()).data.network.communityCount).toBeGreaterThan(0);
    const after = await metrics();
    const grew = (engine: string) =>
      counter(after, 'rapport_analytics_engine_seconds_count', `engine="${engine}"`) - counter(before, 'rapport_analytics_engine_seconds_count', `engine="${engine}"`);
    expect(['network', 'communities', 'influence', 'betweenness', 'roles'].map(grew)).toEqual([1, 1, 1, 1, 0]);
  });

  it('logs one JSON line per request with its request id, echoed in the response, and never the Authorization value', async () => {
    const secret = 'rpk_abcdef.0123456789SECRETSECRET';
    const res = await gql('{ rfm { customerCount } }', { 'x-request-id': 'req-42', authorization: `Bearer ${secret}` });
    expect(res.status).toBe(401);
    expect(res.headers.get('x-request-id')).toBe('req-42');
    const line = log.lines.find((l) => l.reqId === 'req-42');
    expect(line).toMatchObject({ msg: 'request', method: 'POST', path: '/graphql', status: 401, errors: ['UNAUTHENTICATED'] });
    expect(JSON.stringify(log.lines)).not.toContain(secret);
    expect(JSON.stringify(log.lines)).not.toMatch(/SECRETSECRET|Bearer/);

    // Without an id (or with one that is not an id) the server makes one up.
    const generated = await gql('{ rfm { customerCount } }', { 'x-request-id': 'bad id\twith spaces' });
    const id = generated.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(log.lines.find((l) => l.reqId === id)).toMatchObject({ status: 200, operation: 'query', principal: { id: 'dev', tenant: 'default' } });
  });

  it('can turn /metrics off', async () => {
    const quiet = createApp({ store, dev: true, metrics: false });
    expect((await quiet.fetch('http://yoga/metrics')).status).toBe(404);
  });

  it('logs an unexpected error with its message and stack at error level, and never sends them to the client', async () => {
    const broken = Object.create(store) as Store;
    // Lost after the request's context was made (its global-id key is read from the store then).
    broken.query = (async (sql: string, params?: unknown[]) => {
      if (sql.includes('server_secrets')) return store.query(sql, params);
      throw new Error('connection to db-host-7:5432 lost');
    }) as Store['query'];
    broken.forTenant = () => broken;
    const own = memoryLog();
    const brokenApp = createApp({ store: broken, dev: true, logger: own.logger });
    const res = await brokenApp.fetch('http://yoga/graphql', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ customers(first: 1) { totalCount } }' }),
    });
    const body = await res.text();
    expect(body).toContain('Unexpected error.');
    expect(body).not.toContain('db-host-7');
    const line = own.lines.find((l) => l.msg === 'unexpected error');
    expect(line).toMatchObject({ level: 50, path: 'customers', err: { message: 'connection to db-host-7:5432 lost' } });
    expect(line.err.stack).toMatch(/\n\s+at /);
  });
});
