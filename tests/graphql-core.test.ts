import { readFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../schema';
import { tenantIds } from '../server/auth/global-ids';
import { importDemo } from '../server/ingest/import-demo';
import type { Store } from '../server/store';
import { testApp } from './support/app';
import { countingStore, storeCases } from './support/stores';

describe('schema/schema.graphql', () => {
  it('is the printed schema (run `npm run schema:print` after changing the schema)', () => {
    const committed = readFileSync(new URL('../schema/schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(printSchema(schema) + '\n');
  });
});

describe.each(storeCases())('GraphQL core on $name', ({ open }) => {
  let store: Store;
  let gql: ReturnType<typeof testApp>['gql'];

  beforeAll(async () => {
    store = await open();
    await importDemo(store, { demo: { customers: 300 } });
    gql = testApp(store).gql;
  });
  afterAll(() => store?.close());

  it('pages through customers with cursors and a total count, without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const res: any = await gql(
        `query($after: String) { customers(first: 120, after: $after) { totalCount edges { cursor node { externalId } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expect(res.errors).toBeUndefined();
      const page = res.data.customers;
      total = page.totalCount;
      seen.push(...page.edges.map((e: any) => e.node.externalId));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(total).toBe(300);
    expect(new Set(seen).size).toBe(300);
    expect(seen).toHaveLength(300);
  });

  it('caps page sizes at 500 with a clear, coded error, and defaults to 50', async () => {
    const big = await gql(`{ customers(first: 501) { totalCount } }`);
    expect(big.errors?.[0]?.extensions?.code).toBe('PAGE_SIZE_EXCEEDED');
    expect(big.errors?.[0]?.message).toMatch(/at most 500/);
    const dflt: any = await gql(`{ customers { edges { node { id } } } }`);
    expect(dflt.data.customers.edges).toHaveLength(50);
  });

  it('finds a customer by global id and by external id, and refetches through node', async () => {
    const byExt: any = await gql(`{ customerByExternalId(externalId: "cust_0007") { id externalId name } }`);
    const c = byExt.data.customerByExternalId;
    expect(c.externalId).toBe('cust_0007');
    const byId: any = await gql(`query($id: ID!) { customer(id: $id) { externalId } node(id: $id) { ... on Customer { name } } }`, { id: c.id });
    expect(byId.data.customer.externalId).toBe('cust_0007');
    expect(byId.data.node.name).toBe(c.name);
    const none = (await tenantIds(store, 'default')).encode('Customer', 99_999_999);
    const missing: any = await gql(`query($id: ID!) { customerByExternalId(externalId: "nobody") { id } customer(id: $id) { id } }`, { id: none });
    expect(missing).toEqual({ data: { customerByExternalId: null, customer: null } });
    const notAnId: any = await gql(`{ customer(id: "Q3VzdG9tZXI6OTk5OTk=") { id } }`);
    expect(notAnId.errors?.[0]).toMatchObject({ message: '"Q3VzdG9tZXI6OTk5OTk=" is not a Rapport global id.', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('gives an empty page null cursors, not cursors that resume nothing', async () => {
    const pageInfo = 'pageInfo { startCursor endCursor hasNextPage }';
    const res: any = await gql(`{ customers(first: 0) { edges { cursor } ${pageInfo} } interactions(first: 0) { edges { cursor } ${pageInfo} }
      network { edges(first: 0) { edges { cursor } ${pageInfo} } } }`);
    expect(res.errors).toBeUndefined();
    for (const connection of [res.data.customers, res.data.interactions, res.data.network.edges]) {
      expect(connection).toEqual({ edges: [], pageInfo: { startCursor: null, endCursor: null, hasNextPage: true } });
    }
    const last: any = await gql(`{ customers(last: 1) { pageInfo { endCursor } } }`);
    const beyond: any = await gql(`query($after: String) { customers(first: 5, after: $after) { edges { cursor } ${pageInfo} } }`, {
      after: last.data.customers.pageInfo.endCursor,
    });
    expect(beyond.data.customers).toEqual({ edges: [], pageInfo: { startCursor: null, endCursor: null, hasNextPage: false } });
  });

  it('refuses a time range whose from is later than its to, rather than answering nothing', async () => {
    const res: any = await gql(`{ interactions(from: "2026-05-01", to: "2026-01-01") { totalCount } }`);
    const summary: any = await gql(`{ sentimentSummary(groupBy: MONTH, from: "2026-05-01", to: "2026-01-01") { key } }`);
    for (const r of [res, summary]) expect(r.errors?.map((e: any) => [e.extensions.code, e.message])).toEqual([['BAD_USER_INPUT', '`from` must not be later than `to`.']]);
  });

  it('rejects a malformed cursor with BAD_USER_INPUT', async () => {
    const res = await gql(`{ customers(first: 2, after: "not-a-cursor") { totalCount } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('searches customers by name, email or handle', async () => {
    const one: any = await gql(`{ customerByExternalId(externalId: "cust_0042") { name } }`);
    const name: string = one.data.customerByExternalId.name;
    const res: any = await gql(`query($q: String) { customers(search: $q, first: 500) { totalCount edges { node { name } } } }`, {
      q: name.toUpperCase(),
    });
    expect(res.data.customers.totalCount).toBeGreaterThan(0);
    for (const e of res.data.customers.edges) expect(e.node.name.toLowerCase()).toContain(name.toLowerCase());
  });

  it('filters interactions by channel and time, newest first, and pages them', async () => {
    const res: any = await gql(
      `{ interactions(first: 20, channel: email, from: "2026-01-01") { totalCount edges { node { channel occurredAt } } pageInfo { endCursor hasNextPage } } }`,
    );
    const edges = res.data.interactions.edges;
    expect(edges.length).toBeGreaterThan(0);
    for (const e of edges) {
      expect(e.node.channel).toBe('email');
      expect(e.node.occurredAt >= '2026-01-01').toBe(true);
    }
    const times = edges.map((e: any) => e.node.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
    const [row] = await store.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM interactions WHERE tenant_id = 'default' AND channel = 'email' AND occurred_at >= '2026-01-01'`,
    );
    expect(res.data.interactions.totalCount).toBe(row!.n);
    const next: any = await gql(`query($a: String) { interactions(first: 20, channel: email, from: "2026-01-01", after: $a) { edges { node { occurredAt } } } }`, {
      a: res.data.interactions.pageInfo.endCursor,
    });
    expect(next.data.interactions.edges[0].node.occurredAt <= times.at(-1)).toBe(true);
  });

  it("lists a customer's interactions and orders", async () => {
    const c: any = await gql(`{ customers(first: 1) { edges { node { id orders(first: 3) { totalCount edges { node { invoice amount orderedAt } } } } } } }`);
    const node = c.data.customers.edges[0].node;
    const res: any = await gql(`query($id: ID!) { interactions(customer: $id, first: 500) { totalCount edges { node { customer { id } } } } }`, { id: node.id });
    for (const e of res.data.interactions.edges) expect(e.node.customer.id).toBe(node.id);
    expect(node.orders.edges.length).toBeLessThanOrEqual(3);
    const dates = node.orders.edges.map((e: any) => e.node.orderedAt);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('costs a bounded number of queries for a page of customers, whatever its size', async () => {
    const counted = countingStore(store);
    const { gql: countedGql } = testApp(counted);
    const query = `query($n: Int) { customers(first: $n) { totalCount edges { node { name stats { invoices monetary } orders(first: 3) { totalCount edges { node { amount } } } } } } }`;
    const costs: number[] = [];
    await countedGql(`{ customers(first: 1) { totalCount } }`); // once per server: the key of the tenant's global ids
    for (const n of [5, 50, 250]) {
      counted.count = 0;
      const res = await countedGql(query, { n });
      expect(res.errors).toBeUndefined();
      costs.push(counted.count);
    }
    expect(costs[0]).toBeLessThanOrEqual(5);
    expect(new Set(costs).size).toBe(1);
  });

  it('masks unexpected errors but keeps the codes of expected ones', async () => {
    const broken = Object.create(store) as Store;
    broken.query = async () => {
      throw new Error('connection to secret-host:5432 lost');
    };
    broken.forTenant = () => broken;
    const { gql: brokenGql } = testApp(broken);
    const res = await brokenGql(`{ customers(first: 1) { totalCount } }`);
    expect(res.errors?.[0]?.message).toBe('Unexpected error.');
    expect(JSON.stringify(res)).not.toContain('secret-host');
  });
});
