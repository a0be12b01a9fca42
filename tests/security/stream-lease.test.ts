import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedOperations } from '../../server/auth/embed-operations';
import { createKey, revokeKey } from '../../server/auth/keys';
import { MAX_STREAMS_PER_CREDENTIAL } from '../../server/auth/stream-lease';
import { createHttpServer } from '../../server/http-server';
import { openStore, type Store } from '../../server/store';
import { twoTenants } from './fixture';

const SUBSCRIPTION = embedOperations().find((o) => o.name === 'InteractionAdded')!.document;

interface Stream {
  /** Every event so far: `next` payloads parsed, `complete` as the string 'complete'. */
  events: unknown[];
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/**
 * A live stream held open as a widget would: what it receives, and whether the server ended it. Credentials are
 * checked by the stream lease after it opened, so these tests add interactions while it is open and look at what
 * reached it.
 */
describe('a live stream lasts no longer than the credential that opened it', () => {
  let store: Store;
  let t: Awaited<ReturnType<typeof twoTenants>>;

  let server: Server;
  let url: string;

  beforeAll(async () => {
    store = await openStore();
    t = await twoTenants(store);
    // Over a real socket: a client that goes away is seen only there.
    server = createHttpServer({ app: t.app });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    server?.close();
    await store?.close();
  });

  async function open(credential: string): Promise<Stream> {
    const abort = new AbortController();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${credential}` },
      body: JSON.stringify({ query: SUBSCRIPTION }),
      signal: abort.signal,
    });
    expect(res.headers.get('content-type')).toMatch(/event-stream/);
    const events: unknown[] = [];
    const ended = (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const type = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (type === 'complete') events.push('complete');
            else if (data) events.push(JSON.parse(data));
          }
        }
      } catch {
        // closed by us
      }
    })();
    await new Promise((r) => setTimeout(r, 100));
    return { events, ended, close: () => abort.abort() };
  }

  const add = (text: string) =>
    t.gql(t.keys.alpha.write, `mutation($i: [InteractionInput!]!) { addInteractions(input: $i) { accepted } }`, {
      i: [{ externalId: `lease-${text}`, channel: 'chat', occurredAt: '2024-05-01', text }],
    });
  const texts = (s: Stream) => s.events.flatMap((e: any) => (e?.data?.interactionAdded ? [e.data.interactionAdded.text] : []));
  const errors = (s: Stream) => s.events.flatMap((e: any) => (e?.errors ?? []).map((x: any) => `${x.extensions?.code}: ${x.message}`));

  it('ends a token\'s stream when the token expires, saying so, and delivers nothing after', async () => {
    const stream = await open(await t.token('alpha', { origin: null, ttl: 2 }));
    await add('before expiry');
    await expect.poll(() => texts(stream)).toEqual(['before expiry']);
    await stream.ended; // the token had two seconds
    await add('after expiry');
    await new Promise((r) => setTimeout(r, 200));
    expect(texts(stream)).toEqual(['before expiry']);
    expect(errors(stream)).toEqual([expect.stringMatching(/^UNAUTHENTICATED: This embed token has expired; the stream is closed/)]);
  });

  it('ends a key\'s stream, and the streams of the tokens it minted, once the key is revoked', async () => {
    const { id, key } = await createKey(store, 'alpha', 'read');
    const byKey = await open(key);
    const byToken = await open(await t.token('alpha', { origin: null, keyId: id }));
    const byOtherKey = await open(t.keys.alpha.read);
    await add('before revocation');
    await expect.poll(() => [texts(byKey), texts(byToken)]).toEqual([['before revocation'], ['before revocation']]);
    await revokeKey(store, id);
    await Promise.all([byKey.ended, byToken.ended]);
    await add('after revocation');
    await expect.poll(() => texts(byOtherKey)).toEqual(['before revocation', 'after revocation']);
    expect(texts(byKey)).toEqual(['before revocation']);
    expect(texts(byToken)).toEqual(['before revocation']);
    expect(errors(byKey)).toEqual([`UNAUTHENTICATED: API key rpk_${id} was revoked; the stream is closed.`]);
    expect(errors(byToken)).toEqual([`UNAUTHENTICATED: The API key rpk_${id} that minted this embed token was revoked; the stream is closed.`]);
    byOtherKey.close();
  });

  it(`lets one credential hold ${MAX_STREAMS_PER_CREDENTIAL} streams at once, and another once one closes`, async () => {
    const token = await t.token('alpha', { origin: null });
    const streams: Stream[] = [];
    for (let i = 0; i < MAX_STREAMS_PER_CREDENTIAL; i++) streams.push(await open(token));
    expect(streams.flatMap(errors)).toEqual([]);
    const refused = await open(token);
    await refused.ended;
    expect(errors(refused)).toEqual([`RATE_LIMITED: This credential already holds ${MAX_STREAMS_PER_CREDENTIAL} live streams on this server; close one before opening another.`]);
    // Another credential is not held back by this one.
    const other = await open(await t.token('alpha', { origin: null }));
    expect(errors(other)).toEqual([]);
    streams.pop()!.close();
    await expect.poll(async () => {
      const again = await open(token);
      again.close();
      return errors(again);
    }).toEqual([]);
    [...streams, other].forEach((s) => s.close());
  });
});
