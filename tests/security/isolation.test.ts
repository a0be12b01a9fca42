import { firstSseData } from '../support/sse';
import { tenantIds } from '../../server/auth/global-ids';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../schema';
import { embedOperations } from '../../server/auth/embed-operations';
import type { Store } from '../../server/store';
import { storeCases } from '../support/stores';
import { ORIGIN, twoTenants } from './fixture';

const doc = (name: string) => embedOperations().find((o) => o.name === name)!.document;
const hasQueryField = (name: string) => Boolean(schema.getQueryType()?.getFields()[name]);

describe.each(storeCases())('tenant isolation on $name', ({ open }) => {
  let store: Store;
  let t: Awaited<ReturnType<typeof twoTenants>>;
  let betaIds: string[];
  let betaInteractionIds: string[];
  /** Nothing of beta may appear: its names, emails, texts, products and ids. */
  const clean = (text: string) => {
    expect(text).not.toMatch(/beta/);
    for (const id of [...betaIds, ...betaInteractionIds]) expect(text).not.toContain(id);
  };

  beforeAll(async () => {
    store = await open();
    t = await twoTenants(store);
    betaIds = await t.customerIds('beta');
    const rows = await store.query<{ id: number }>(`SELECT id FROM interactions WHERE tenant_id = 'beta'`);
    const ids = await tenantIds(store, 'beta');
    betaInteractionIds = rows.map((r) => ids.encode('Interaction', r.id));
  });
  afterAll(() => store?.close());

  it('lists, searches, pages and counts only the caller\'s rows, with a key', async () => {
    const key = t.keys.alpha.read;
    const queries = [
      `{ customers(first: 50) { totalCount edges { node { id externalId name email stats { invoices monetary } orders(first: 10) { totalCount edges { node { invoice product amount } } } } } } }`,
      `{ customers(search: "beta") { totalCount edges { node { name } } } }`,
      `{ customerByExternalId(externalId: "c1") { id name email } }`,
      `{ interactions(first: 50) { totalCount edges { node { id text customer { id name } } } } }`,
      `{ interactions(channel: email, from: "2024-01-01", to: "2025-01-01") { totalCount edges { node { text } } } }`,
      `{ rfm { customerCount segments { name customerCount } } }`,
      `{ cohorts(period: MONTH, metric: RETENTION) { cohorts { start size values } } }`,
      ...(hasQueryField('network') ? [`{ network { communities { id size } influencers(first: 10) { customer { id name } } } }`] : []),
    ];
    for (const query of queries) {
      const res = await t.gql(key, query);
      expect(res.status, query).toBe(200);
      expect(res.json.errors, query).toBeUndefined();
      clean(res.text);
    }
    const all = await t.gql(key, `{ customers { totalCount } interactions { totalCount } rfm { customerCount } }`);
    expect(all.json.data).toEqual({ customers: { totalCount: 3 }, interactions: { totalCount: 3 }, rfm: { customerCount: 3 } });
  });

  it('never resolves another tenant\'s global ids: customer, node, nodes, filters', async () => {
    const key = t.keys.alpha.read;
    for (const id of betaIds) {
      const res = await t.gql(key, `query($id: ID!) { customer(id: $id) { name } node(id: $id) { id } interactions(customer: $id) { totalCount edges { node { text } } } }`, { id });
      expect(res.json.data).toEqual({ customer: null, node: null, interactions: { totalCount: 0, edges: [] } });
    }
    if (hasQueryField('network')) {
      for (const id of betaIds) {
        const ego = await t.gql(key, `query($id: ID!) { network { egoNetwork(customer: $id) { nodes { customer { name } } } } }`, { id });
        expect(ego.json.data.network.egoNetwork).toBeNull();
      }
    }
    const nodes = await t.gql(key, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [...betaIds, ...betaInteractionIds] });
    expect(nodes.json.data.nodes.every((n: unknown) => n === null)).toBe(true);
    clean(nodes.text.replace(/"ids"/g, ''));
  });

  it('gives an embed token the same wall, on every allow-listed operation', async () => {
    const token = await t.token('alpha');
    const headers = { origin: ORIGIN.alpha };
    for (const name of ['Customers', 'Interactions', 'RfmSegments', 'Cohorts']) {
      const res = await t.gql(token, doc(name), { first: 50 }, headers);
      expect(res.status, name).toBe(200);
      clean(res.text);
    }
    for (const id of betaIds) {
      const res = await t.gql(token, doc('Customer'), { id }, headers);
      expect(res.json.data).toEqual({ customer: null });
      const listed = await t.gql(token, doc('Interactions'), { customer: id }, headers);
      expect(listed.json.data.interactions.totalCount).toBe(0);
    }
  });

  it('writes only into the caller\'s tenant, even with the other tenant\'s external ids', async () => {
    const key = t.keys.alpha.write;
    const res = await t.gql(key, `mutation { upsertCustomers(input: [{ externalId: "c1", name: "renamed" }]) { accepted updated } }`);
    expect(res.json.data.upsertCustomers).toEqual({ accepted: true, updated: 1 });
    await t.gql(key, `mutation { addOrders(input: [{ invoice: "x-1", customerExternalId: "c2", orderedAt: "2024-04-01", quantity: 1, unitPrice: 1 }]) { accepted } }`);
    const beta = await store.query<{ name: string }>(`SELECT name FROM customers WHERE tenant_id = 'beta' AND external_id = 'c1'`);
    expect(beta).toEqual([{ name: 'beta-name-c1' }]);
    expect(await store.query(`SELECT 1 FROM orders WHERE tenant_id = 'beta' AND invoice = 'x-1'`)).toEqual([]);
  });

  it('streams interactionAdded only to subscribers of the same tenant', async () => {
    const abort = new AbortController();
    const res = await t.app.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${await t.token('alpha', { origin: null })}` },
      body: JSON.stringify({ query: doc('InteractionAdded') }),
      signal: abort.signal,
    });
    expect(res.status).toBe(200);
    const reading = firstSseData(res);
    reading.catch(() => {});
    await new Promise((r) => setTimeout(r, 100));
    const add = (key: string, id: string, text: string) =>
      t.gql(key, `mutation($i: [InteractionInput!]!) { addInteractions(input: $i) { accepted } }`, {
        i: [{ externalId: id, channel: 'chat', occurredAt: '2024-05-01', text }],
      });
    await add(t.keys.beta.write, 'live-b', 'beta-live');
    await add(t.keys.alpha.write, 'live-a', 'alpha-live');
    const first = await reading;
    abort.abort();
    // Beta's interaction was added first: had it leaked, it would be the first event.
    expect(JSON.parse(first).data.interactionAdded.text).toBe('alpha-live');
  });
});
