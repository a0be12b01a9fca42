import { describe, expect, it } from 'vitest';
import { RapportClient } from './client.js';
import { RapportError } from './errors.js';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('RapportClient', () => {
  it('posts the operation with a fresh token from getToken and returns data', async () => {
    const seen: Array<{ url: string; auth: string | null; body: unknown }> = [];
    let n = 0;
    const client = new RapportClient({
      endpoint: 'https://api.test/graphql',
      getToken: async () => `t${++n}`,
      fetch: async (url, init) => {
        seen.push({ url: String(url), auth: new Headers(init?.headers).get('authorization'), body: JSON.parse(String(init?.body)) });
        return json({ data: { ok: n } });
      },
    });
    expect(await client.query('{ ok }')).toEqual({ ok: 1 });
    expect(await client.query('query Q($a: Int) { ok }', { a: 1 })).toEqual({ ok: 2 });
    expect(seen.map((s) => s.auth)).toEqual(['Bearer t1', 'Bearer t2']);
    expect(seen[1]).toMatchObject({ url: 'https://api.test/graphql', body: { query: 'query Q($a: Int) { ok }', variables: { a: 1 } } });
  });

  it('turns GraphQL errors, HTTP errors and network failures into RapportError codes', async () => {
    const make = (fetch: typeof globalThis.fetch) => new RapportClient({ endpoint: '/graphql', fetch });
    const fail = (client: RapportClient) => client.query('{ x }').then(() => undefined, (e: unknown) => e as RapportError);
    expect(await fail(make(async () => json({ errors: [{ message: 'no field x' }] })))).toMatchObject({ code: 'GRAPHQL', message: 'rapport/client: no field x' });
    expect(await fail(make(async () => new Response('nope', { status: 502 })))).toMatchObject({ code: 'HTTP', status: 502 });
    expect(await fail(make(async () => Promise.reject(new TypeError('connection refused'))))).toMatchObject({ code: 'NETWORK' });
    expect(await fail(make(async () => new Response('<html>', { status: 200, headers: { 'content-type': 'application/json' } })))).toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('streams a subscription over Server-Sent Events until complete', async () => {
    const body = 'event: next\ndata: {"data":{"n":1}}\n\nevent: next\ndata: {"data":{"n":2}}\n\nevent: complete\ndata:\n\n';
    let accept = '';
    const client = new RapportClient({
      endpoint: '/graphql',
      fetch: async (_url, init) => {
        accept = new Headers(init?.headers).get('accept') ?? '';
        return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
      },
    });
    const got = await new Promise<unknown[]>((resolve, reject) => {
      const items: unknown[] = [];
      client.subscribe<{ n: number }>('subscription { n }', undefined, (d) => (items.push(d), items.length === 2 && resolve(items)), reject);
    });
    expect(accept).toBe('text/event-stream');
    expect(got).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('gives up on a query that does not answer within timeoutMs, with code TIMEOUT', async () => {
    // Like fetch: never answers, rejects once its signal is aborted (or at once if it already is).
    const hang: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => {
        const abort = () => reject(new DOMException('aborted', 'AbortError'));
        if (init?.signal?.aborted) abort();
        init?.signal?.addEventListener('abort', abort);
      });
    const error = await new RapportClient({ endpoint: '/graphql', fetch: hang, timeoutMs: 50 }).query('{ x }').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'TIMEOUT', message: 'rapport/client: /graphql did not answer within 0 s' });
    // The caller's own abort stays ABORTED.
    const controller = new AbortController();
    const pending = new RapportClient({ endpoint: '/graphql', fetch: hang, timeoutMs: 5_000 }).query('{ x }', undefined, controller.signal).catch((e: unknown) => e);
    controller.abort();
    expect(await pending).toMatchObject({ code: 'ABORTED' });
  });

  it('waits out a 429 (Retry-After, or the "retry in N s" of a body CORS leaves readable) and sends the same request again', async () => {
    const bodies: string[] = [];
    let n = 0;
    const client = new RapportClient({
      endpoint: '/graphql',
      fetch: async (_url, init) => {
        bodies.push(String(init?.body));
        n++;
        if (n === 1) return new Response(JSON.stringify({ errors: [{ message: 'Too many requests for this token; retry in 0 s.' }] }), { status: 429, headers: { 'content-type': 'application/json' } });
        if (n === 2) return new Response('slow down', { status: 429, headers: { 'retry-after': '0.01' } });
        return json({ data: { ok: n } });
      },
    });
    expect(await client.query('query Q($a: Int) { ok }', { a: 7 })).toEqual({ ok: 3 });
    expect(new Set(bodies).size).toBe(1);
    expect(bodies).toHaveLength(3);
  });

  it('gives up after 8 429s in a row, keeping the status; an abort ends the wait', async () => {
    let n = 0;
    const limited = async () => (n++, new Response(JSON.stringify({ errors: [{ message: 'Too many requests' }] }), { status: 429, headers: { 'content-type': 'application/json', 'retry-after': '0' } }));
    expect(await new RapportClient({ endpoint: '/graphql', fetch: limited }).query('{ x }').catch((e: unknown) => e)).toMatchObject({ code: 'GRAPHQL', status: 429 });
    expect(n).toBe(9);
    const controller = new AbortController();
    const waiting = new RapportClient({ endpoint: '/graphql', fetch: async () => new Response('', { status: 429, headers: { 'retry-after': '30' } }) })
      .query('{ x }', undefined, controller.signal)
      .catch((e: unknown) => e);
    setTimeout(() => controller.abort(), 20);
    expect(await waiting).toMatchObject({ code: 'ABORTED' });
  });

  it('keeps the HTTP status of a refusal with a JSON GraphQL body', async () => {
    const refuse = (status: number) => async () =>
      new Response(JSON.stringify({ errors: [{ message: 'refused', extensions: { code: 'FORBIDDEN' } }] }), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });
    for (const status of [401, 403, 500]) {
      const error = await new RapportClient({ endpoint: '/graphql', fetch: refuse(status) }).query('{ x }').catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'GRAPHQL', status, message: 'rapport/client: refused' });
    }
  });

  it('counts a getToken that never settles against timeoutMs', async () => {
    let fetched = false;
    const client = new RapportClient({ endpoint: '/graphql', getToken: () => new Promise<string>(() => {}), timeoutMs: 30, fetch: async () => ((fetched = true), json({ data: {} })) });
    expect(await client.query('{ x }').catch((e: unknown) => e)).toMatchObject({ code: 'TIMEOUT' });
    expect(fetched).toBe(false);
  });
});
