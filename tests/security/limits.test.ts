import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedOperations } from '../../server/auth/embed-operations';
import { createApp } from '../../server/app';
import { openStore, type Store } from '../../server/store';
import { ORIGIN, SECRET, twoTenants } from './fixture';

// HTTP-level limits do not depend on the store: PGlite only, to keep the suite lean.
describe('abuse limits', () => {
  let store: Store;
  let t: Awaited<ReturnType<typeof twoTenants>>;

  beforeAll(async () => {
    store = await openStore();
    t = await twoTenants(store, { body: { maxJsonBytes: 10_000, maxUploadBytes: 50_000 } });
  });
  afterAll(() => store?.close());

  it('rate-limits per key and per token with 429 and Retry-After', async () => {
    const limited = createApp({ store, tokenSecret: SECRET, rateLimit: { keyRate: 0.5, keyBurst: 3, tokenRate: 0.2, tokenBurst: 2 } });
    const send = (credential: string, headers: Record<string, string> = {}) =>
      limited.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}`, ...headers },
        body: JSON.stringify({ query: '{ customers { totalCount } }' }),
      });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await send(t.keys.alpha.read)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const res = await send(t.keys.alpha.read);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = await res.json();
    expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(JSON.stringify(body)).not.toContain(t.keys.alpha.read);
    // Another key has its own bucket; so does each token.
    expect((await send(t.keys.alpha.write)).status).toBe(200);
    const token = await t.token('alpha');
    const tokenStatuses = [];
    for (let i = 0; i < 3; i++) tokenStatuses.push((await send(token, { origin: ORIGIN.alpha })).status);
    expect(tokenStatuses.slice(0, 2)).not.toContain(429);
    expect(tokenStatuses[2]).toBe(429);
    // The embedding page, on another origin, may read Retry-After.
    const refused = await send(token, { origin: ORIGIN.alpha });
    expect([refused.status, refused.headers.get('access-control-allow-origin'), refused.headers.get('access-control-expose-headers')])
      .toEqual([429, ORIGIN.alpha, 'retry-after']);
  });

  it("bounds all the embed tokens of one key together, so fresh tokens do not bring fresh budgets", async () => {
    const limited = createApp({ store, tokenSecret: SECRET, rateLimit: { tokenRate: 10, tokenBurst: 40, keyTokensRate: 0.01, keyTokensBurst: 3 } });
    // The customers widget's own operation (tokens may run only those), by its hash.
    const sha256Hash = embedOperations().find((o) => o.name === 'Customers')!.sha256;
    const send = (credential: string, origin?: string) =>
      limited.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}`, ...(origin ? { origin } : {}) },
        body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash } } }),
      });
    // Each request with a token of its own, as a page that fetches a new token each time would send them.
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await send(await t.token('alpha', { ttl: 600 + i }), ORIGIN.alpha)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await send(await t.token('alpha', { ttl: 700 }), ORIGIN.alpha);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await refused.json()).errors[0].message).toMatch(/^Too many requests for the embed tokens of this token's key together; retry in \d+ s\.$/);
    // The key's own requests, and another key's tokens, have budgets of their own.
    const byKey = await limited.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.keys.alpha.read}` },
      body: JSON.stringify({ query: '{ customers { totalCount } }' }),
    });
    expect(byKey.status).toBe(200);
    expect((await send(await t.token('beta'), ORIGIN.beta)).status).toBe(200);
  });

  it('counts each operation of a batch against the rate limit', async () => {
    const limited = createApp({ store, tokenSecret: SECRET, rateLimit: { keyRate: 0.01, keyBurst: 5 } });
    const send = (body: unknown) =>
      limited.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${t.keys.beta.read}` },
        body: JSON.stringify(body),
      });
    const op = { query: '{ customers { totalCount } }' };
    const four = await send(Array(4).fill(op));
    expect(four.status).toBe(200);
    expect(await four.json()).toHaveLength(4);
    // One left in the burst: a batch of three is refused as a whole, with the reason.
    const three = await send(Array(3).fill(op));
    expect(three.status).toBe(429);
    expect(Number(three.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = await three.json();
    expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(body.errors[0].message).toMatch(/this batch of 3 operations counts as 3 requests; retry in \d+ s\./);
  });

  it('refuses bodies over the limit with 413 and a clear message, declared or streamed', async () => {
    const big = JSON.stringify({ query: '{ customers { totalCount } }', variables: { pad: 'x'.repeat(20_000) } });
    const declared = await t.call(t.keys.alpha.read, big, { 'content-length': String(Buffer.byteLength(big)) });
    expect(declared.status).toBe(413);
    expect(declared.json.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(declared.json.errors[0].message).toMatch(/larger than 10 KB/);
    const chunks = new ReadableStream({
      start(c) {
        for (let i = 0; i < 4; i++) c.enqueue(new TextEncoder().encode(big.slice(i * 6000, (i + 1) * 6000)));
        c.enqueue(new TextEncoder().encode(big.slice(24_000)));
        c.close();
      },
    });
    const streamed = await t.app.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.keys.alpha.read}` },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    // Uploads have their own, larger limit.
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: 'mutation($f: File!) { importFile(kind: customers, file: $f) { accepted } }', variables: { f: null } }));
    form.append('map', JSON.stringify({ 0: ['variables.f'] }));
    form.append('0', new Blob(['external_id,name\n' + 'c,x\n'.repeat(20_000)]), 'c.csv');
    const upload = await t.app.fetch('http://yoga/graphql', { method: 'POST', headers: { authorization: `Bearer ${t.keys.alpha.write}` }, body: form });
    expect(upload.status).toBe(413);
    expect((await upload.json()).errors[0].message).toMatch(/upload is larger/);
  });

  it('refuses operations that are too deep or too costly with QUERY_TOO_COMPLEX', async () => {
    const key = t.keys.alpha.read;
    const costly = await t.gql(key, `{ customers(first: 500) { edges { node { orders(first: 500) { edges { node { amount invoice } } } } } } }`);
    expect(costly.json.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(costly.json.errors[0].message).toMatch(/limit is 50000/);
    const viaVariables = await t.gql(key, `query($n: Int) { customers(first: $n) { edges { node { orders(first: $n) { edges { node { amount } } } } } } }`, { n: 400 });
    expect(viaVariables.json.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    const fine = await t.gql(key, `{ customers(first: 500) { edges { node { name orders(first: 3) { edges { node { amount } } } } } } }`);
    expect(fine.json.errors).toBeUndefined();
    const shallow = createApp({ store, tokenSecret: SECRET, operationLimits: { maxDepth: 5 } });
    const deep = await shallow.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: `{ customers { edges { node { ...C } } } } fragment C on Customer { orders { edges { node { amount } } } }` }),
    });
    const body = await deep.json();
    expect(body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(body.errors[0].message).toMatch(/nests 7 fields deep; the limit is 5/);
  });

  it('caps batches at 10 operations', async () => {
    const op = { query: '{ customers { totalCount } }' };
    const ten = await t.call(t.keys.alpha.read, Array(10).fill(op));
    expect(ten.status).toBe(200);
    expect(ten.json).toHaveLength(10);
    const eleven = await t.call(t.keys.alpha.read, Array(11).fill(op));
    expect(eleven.status).toBeGreaterThanOrEqual(400);
    expect(eleven.text).toMatch(/10/);
  });

  it('turns introspection and GraphiQL off outside dev mode unless asked for', async () => {
    const intro = await t.gql(t.keys.alpha.read, `{ __schema { types { name } } }`);
    expect(intro.json.errors[0].message).toMatch(/introspection/i);
    const page = await t.app.fetch('http://yoga/graphql', { headers: { accept: 'text/html', authorization: `Bearer ${t.keys.alpha.read}` } });
    expect(page.headers.get('content-type') ?? '').not.toMatch(/html/);
    const open = createApp({ store, tokenSecret: SECRET, introspection: true });
    const res = await open.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.keys.alpha.read}` },
      body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
    });
    expect((await res.json()).data.__schema.queryType.name).toBe('Query');
  });
});
