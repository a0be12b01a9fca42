/**
 * Catching up after a dropped subscription: `interactions(addedAfter:)` returns what was written after a sequence,
 * by ingestion order rather than `occurredAt`, and `lastSequence` is the watermark to pass next time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../server/store';
import { testApp } from './support/app';
import { storeCases } from './support/stores';

const ADD = `mutation($i: [InteractionInput!]!) { addInteractions(input: $i) { inserted } }`;
const item = (externalId: string, occurredAt: string) => ({ externalId, channel: 'chat', occurredAt, text: `text of ${externalId}`, customerExternalId: 'c1' });

describe.each(storeCases())('interactions(addedAfter:) on $name', ({ open }) => {
  let store: Store;
  let gql: ReturnType<typeof testApp>['gql'];
  beforeAll(async () => {
    store = await open();
    gql = testApp(store).gql;
  });
  afterAll(() => store?.close());

  it('finds what was written after the watermark, old timestamps included, and nothing twice', async () => {
    const empty = await gql(`{ interactions(first: 1) { lastSequence } }`);
    expect(empty.data!.interactions.lastSequence).toBe('0');
    await gql(ADD, { i: [item('a', '2024-05-01T10:00:00Z'), item('b', '2024-05-02T10:00:00Z')] });
    const first = (await gql(`{ interactions(first: 10) { lastSequence edges { node { externalId sequence } } } }`)).data!.interactions;
    expect(first.edges.map((e: any) => e.node.externalId)).toEqual(['b', 'a']);
    expect(Number(first.lastSequence)).toBe(Math.max(...first.edges.map((e: any) => Number(e.node.sequence))));

    // Written later: one far in the past (below everything shown), one new.
    await gql(ADD, { i: [item('old', '2019-01-01T00:00:00Z')] });
    await gql(ADD, { i: [item('new', '2024-06-01T00:00:00Z')] });
    const since = (await gql(`query($s: String) { interactions(first: 10, addedAfter: $s) { totalCount lastSequence edges { node { externalId sequence } } } }`, { s: first.lastSequence })).data!.interactions;
    expect(since.edges.map((e: any) => e.node.externalId)).toEqual(['new', 'old']);
    expect(since.totalCount).toBe(2);
    expect(Number(since.edges[1].node.sequence)).toBeLessThan(Number(since.edges[0].node.sequence));
    const none = (await gql(`query($s: String) { interactions(first: 10, addedAfter: $s) { edges { node { id } } } }`, { s: since.lastSequence })).data!.interactions;
    expect(none.edges).toEqual([]);

    // An update keeps its sequence: it is not "added" again.
    await gql(ADD, { i: [{ ...item('a', '2024-05-01T10:00:00Z'), text: 'edited' }] });
    const afterEdit = (await gql(`query($s: String) { interactions(first: 10, addedAfter: $s) { edges { node { id } } } }`, { s: since.lastSequence })).data!.interactions;
    expect(afterEdit.edges).toEqual([]);

    const bad = await gql(`{ interactions(first: 1, addedAfter: "yesterday") { totalCount } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lastSequence and addedAfter stay within the tenant', async () => {
    const other = testApp(store, { tenant: 'other-tenant' }).gql;
    expect((await other(`{ interactions(first: 1) { lastSequence } }`)).data!.interactions.lastSequence).toBe('0');
    const all = (await other(`{ interactions(first: 10, addedAfter: "0") { totalCount } }`)).data!.interactions;
    expect(all.totalCount).toBe(0);
  });
});
