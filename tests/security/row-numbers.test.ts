/**
 * What a tenant is shown of row numbers says nothing about other tenants' writes. Store ids are table-wide identity
 * numbers: before global ids were encrypted per tenant and `sequence` numbered per tenant, a tenant that wrote one
 * interaction, waited, and wrote another saw a gap of exactly what other tenants wrote in between.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../server/store';
import { storeBefore } from '../support/migrations';
import { storeCases } from '../support/stores';
import { twoTenants } from './fixture';

const ADD = `mutation($i: [InteractionInput!]!) { addInteractions(input: $i) { accepted } }`;
const ADD_CUSTOMERS = `mutation($i: [CustomerInput!]!) { upsertCustomers(input: $i) { accepted } }`;
const interaction = (externalId: string) => ({ externalId, channel: 'chat', occurredAt: '2024-06-01T10:00:00Z', text: `text ${externalId}`, customerExternalId: 'c1' });

describe.each(storeCases())('row numbers per tenant on $name', ({ open }) => {
  let store: Store;
  let t: Awaited<ReturnType<typeof twoTenants>>;

  beforeAll(async () => {
    store = await open();
    t = await twoTenants(store);
  });
  afterAll(() => store?.close());

  it("sequences count the tenant's own interactions only: no gap for another tenant's writes", async () => {
    const { alpha, beta } = t.keys;
    const before = await t.gql(alpha.read, `{ interactions { lastSequence } }`);
    await t.gql(alpha.write, ADD, { i: [interaction('a-before')] });
    const betaWrote = await t.gql(beta.write, ADD, { i: [1, 2, 3].map((n) => interaction(`b-${n}`)) });
    expect(betaWrote.json.data.addInteractions.accepted).toBe(true);
    await t.gql(alpha.write, ADD, { i: [interaction('a-after')] });
    const res = await t.gql(alpha.read, `{ interactions(first: 50) { lastSequence edges { node { externalId sequence } } } }`);
    const sequence = new Map<string, number>(res.json.data.interactions.edges.map((e: any) => [e.node.externalId, Number(e.node.sequence)]));
    const start = Number(before.json.data.interactions.lastSequence);
    expect([sequence.get('a-before'), sequence.get('a-after')]).toEqual([start + 1, start + 2]);
    expect(Number(res.json.data.interactions.lastSequence)).toBe(start + 2);
    // The fixture's three, then these two: 1…5, no number skipped or shared.
    expect([...sequence.values()].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    const theirs = await t.gql(beta.read, `{ interactions(first: 50) { edges { node { sequence } } } }`);
    expect(theirs.json.data.interactions.edges.map((e: any) => Number(e.node.sequence)).sort((a: number, b: number) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('global ids and cursors hide store ids: no number to read, no order to compare', async () => {
    const { alpha, beta } = t.keys;
    // Alpha adds a customer before and after beta adds 50: their store ids are 51 apart.
    await t.gql(alpha.write, ADD_CUSTOMERS, { i: [{ externalId: 'early' }] });
    await t.gql(beta.write, ADD_CUSTOMERS, { i: Array.from({ length: 50 }, (_, n) => ({ externalId: `b${n}` })) });
    await t.gql(alpha.write, ADD_CUSTOMERS, { i: [{ externalId: 'late' }] });
    const rows = await store.query<{ id: number; external_id: string }>(
      `SELECT id, external_id FROM customers WHERE tenant_id = 'alpha' AND external_id IN ('early', 'late') ORDER BY id`,
    );
    expect(rows[1]!.id - rows[0]!.id).toBe(51);
    const res = await t.gql(alpha.read, `{ customers(first: 50) { edges { cursor node { id externalId } } }
      interactions(first: 50) { edges { cursor node { id } } } }`);
    expect(res.json.errors).toBeUndefined();
    const edges = [...res.json.data.customers.edges, ...res.json.data.interactions.edges];
    const storeIds = new Set((await store.query<{ id: number }>(`SELECT id FROM customers UNION SELECT id FROM interactions`)).map((r) => String(r.id)));
    for (const { cursor, node } of edges) {
      // Relay's default id is base64("Customer:<store id>"); this one holds no such text.
      expect(Buffer.from(node.id, 'base64').toString('latin1')).not.toMatch(/(Customer|Interaction):\d/);
      // A cursor is JSON of strings only (a date, global ids): no store id, as a number or as text.
      const values = [JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))].flat();
      for (const value of values) {
        expect(typeof value).toBe('string');
        expect(storeIds.has(value)).toBe(false);
      }
    }
    // Ids look random: nothing in two of them, sorted either way, gives their distance.
    const idOf = new Map<string, string>(res.json.data.customers.edges.map((e: any) => [e.node.externalId, e.node.id as string]));
    const [early, late] = [idOf.get('early')!, idOf.get('late')!];
    expect(early).toMatch(/^[A-Za-z0-9_-]{23}$/);
    const bytes = [early, late].map((id) => Buffer.from(id, 'base64url'));
    expect(bytes[0]![0]).toBe(bytes[1]![0]); // the type, in clear
    const differing = bytes[0]!.subarray(1).reduce((n, b, k) => n + (b === bytes[1]![k + 1] ? 0 : 1), 0);
    expect(differing).toBeGreaterThan(8); // one AES block: about 15 of 16 bytes differ for neighbouring numbers
    // And the same row has the same id in every response.
    const again = await t.gql(alpha.read, `query($x: String!) { customerByExternalId(externalId: $x) { id } }`, { x: 'late' });
    expect(again.json.data.customerByExternalId.id).toBe(late);
  });

  it("a tenant's id or cursor means nothing to another tenant", async () => {
    const { alpha, beta } = t.keys;
    const mine = await t.gql(alpha.read, `{ customers(first: 2) { edges { cursor node { id } } } }`);
    const [first] = mine.json.data.customers.edges;
    const asBeta = await t.gql(beta.read, `query($id: ID!) { customer(id: $id) { externalId } node(id: $id) { id } }`, { id: first.node.id });
    expect(asBeta.json.data).toEqual({ customer: null, node: null });
    const page = await t.gql(beta.read, `query($after: String) { customers(first: 2, after: $after) { totalCount } }`, { after: first.cursor });
    expect(page.json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const own = await t.gql(alpha.read, `query($id: ID!, $after: String) { customer(id: $id) { id } customers(first: 1, after: $after) { edges { node { id } } } }`, {
      id: first.node.id, after: first.cursor,
    });
    expect(own.json.data.customer.id).toBe(first.node.id);
    expect(own.json.data.customers.edges[0].node.id).toBe(mine.json.data.customers.edges[1].node.id);
  });

  it('refuses what is not a global id with a clear error', async () => {
    const res = await t.gql(t.keys.alpha.read, `query($id: ID!) { customer(id: $id) { id } }`, { id: Buffer.from('Customer:1').toString('base64') });
    expect(res.json.errors?.[0]?.message).toMatch(/is not a Rapport global id/);
  });
});

describe('migration 007', () => {
  it("numbers a store's interactions per tenant in the order they were written", async () => {
    const { store, migrateRest } = await storeBefore('007');
    try {
      // Two tenants' rows interleaved, one of them dated before the other's: ids give the order written.
      for (const [tenant, external, day] of [['p', 'p1', 5], ['q', 'q1', 1], ['p', 'p2', 1], ['q', 'q2', 9], ['p', 'p3', 3]] as const) {
        await store.query(
          `INSERT INTO interactions (tenant_id, external_id, channel, occurred_at, text) VALUES ($1, $2, 'chat', $3, 'x')`,
          [tenant, external, new Date(Date.UTC(2024, 0, day))],
        );
      }
      expect(await migrateRest()).toContain('007_tenant_sequence');
      const rows = await store.query<{ external_id: string; sequence: number }>(`SELECT external_id, sequence FROM interactions ORDER BY external_id`);
      expect(rows.map((r) => `${r.external_id}:${r.sequence}`)).toEqual(['p1:1', 'p2:2', 'p3:3', 'q1:1', 'q2:2']);
      await expect(store.query(`INSERT INTO interactions (tenant_id, external_id, channel, occurred_at, text, sequence) VALUES ('p', 'p4', 'chat', now(), 'x', 2)`))
        .rejects.toThrow(/duplicate key/);
      // The indexes it drops to number the rows quickly are back.
      const indexes = await store.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE tablename = 'interactions' ORDER BY 1`);
      expect(indexes.map((i) => i.indexname)).toEqual(expect.arrayContaining(['interactions_customer', 'interactions_sequence', 'interactions_time']));
    } finally {
      await store.close();
    }
  });
});
