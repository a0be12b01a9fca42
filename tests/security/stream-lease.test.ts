import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedOperations } from '../../server/auth/embed-operations';
import { createKey, revokeKey } from '../../server/auth/keys';
import { MAX_STREAMS_PER_CREDENTIAL } from '../../server/auth/stream-lease';
import { createHttpServer } from '../../server/http-server';
import { openStore, type Store } from '../../server/store';
import { subscribeSse, type SseSubscription } from '../support/sse';
import { twoTenants } from './fixture';

const SUBSCRIPTION = embedOperations().find((o) => o.name === 'InteractionAdded')!.document;

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

  /** A live stream held open as a widget would hold it, with this credential. */
  const open = async (credential: string): Promise<SseSubscription> => {
    const stream = await subscribeSse(url, SUBSCRIPTION, { authorization: `Bearer ${credential}` });
    await new Promise((r) => setTimeout(r, 100)); // the server subscribes after answering with its headers
    return stream;
  };

  const add = (text: string) =>
    t.gql(t.keys.alpha.write, `mutation($i: [InteractionInput!]!) { addInteractions(input: $i) { accepted } }`, {
      i: [{ externalId: `lease-${text}`, channel: 'chat', occurredAt: '2024-05-01', text }],
    });
  const texts = (s: SseSubscription) => s.events.flatMap((e: any) => (e?.data?.interactionAdded ? [e.data.interactionAdded.text] : []));
  const errors = (s: SseSubscription) => s.events.flatMap((e: any) => (e?.errors ?? []).map((x: any) => `${x.extensions?.code}: ${x.message}`));

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
    const streams: SseSubscription[] = [];
    for (let i = 0; i < MAX_STREAMS_PER_CREDENTIAL; i++) streams.push(await open(token));
    expect(streams.flatMap(errors)).toEqual([]);
    const refused = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: SUBSCRIPTION }),
    });
    expect(refused.status).toBe(429);
    const [, refusal] = /^data: (.*)$/m.exec(await refused.text())!;
    expect(JSON.parse(refusal!).errors).toEqual([expect.objectContaining({
      message: `This credential already holds ${MAX_STREAMS_PER_CREDENTIAL} live streams on this server; close one before opening another.`,
      extensions: expect.objectContaining({ code: 'RATE_LIMITED' }),
    })]);
    // Another credential is not held back by this one.
    const other = await open(await t.token('alpha', { origin: null }));
    expect(errors(other)).toEqual([]);
    streams.pop()!.close();
    await expect.poll(async () => {
      const again = await open(token).catch(() => null);
      again?.close();
      return again !== null;
    }).toBe(true);
    [...streams, other].forEach((s) => s.close());
  });
});
