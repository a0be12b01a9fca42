/**
 * A mutual tie (colleague, any kind that is not directed) is one row whichever way round it is sent: the writer stores
 * it from the smaller customer id to the larger (server/ingest/load/relationships.ts), and migration 008 turned the
 * rows stored the other way round, merging the pairs stored both ways.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../server/store';
import { testApp } from './support/app';
import { storeBefore } from './support/migrations';
import { storeCases } from './support/stores';

type Tie = [source: string, target: string, kind: string, weight: number, firstSeen: string | null, lastSeen: string | null];

/** A tenant's ties by external ids, in key order. */
async function ties(store: Store, tenant: string): Promise<Tie[]> {
  const rows = await store.query<{ s: string; t: string; kind: string; weight: number; first_seen: Date | null; last_seen: Date | null }>(
    `SELECT s.external_id AS s, t.external_id AS t, r.kind, r.weight, r.first_seen, r.last_seen FROM relationships r
     JOIN customers s ON s.tenant_id = r.tenant_id AND s.id = r.source_id
     JOIN customers t ON t.tenant_id = r.tenant_id AND t.id = r.target_id
     WHERE r.tenant_id = $1 ORDER BY 1, 2, 3`,
    [tenant],
  );
  const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;
  return rows.map((r) => [r.s, r.t, r.kind, r.weight, day(r.first_seen), day(r.last_seen)]);
}

const ADD = `mutation($input: [RelationshipInput!]!) { addRelationships(input: $input) { accepted inserted updated merged } }`;

describe.each(storeCases())('mutual ties sent either way on $name', ({ open }) => {
  let store: Store;
  let api: ReturnType<typeof testApp>;
  beforeAll(async () => {
    store = await open();
    api = testApp(store, { tenant: 'mutual' });
  });
  afterAll(() => store?.close());

  it('a mutual tie sent the other way round updates the stored one; a directed one is another tie', async () => {
    const first: any = await api.gql(ADD, { input: [{ source: 'a', target: 'b', kind: 'colleague', weight: 1 }, { source: 'a', target: 'b', kind: 'follows' }] });
    expect(first.data.addRelationships).toMatchObject({ accepted: true, inserted: 2 });
    const turned: any = await api.gql(ADD, { input: [{ source: 'b', target: 'a', kind: 'colleague', weight: 4 }, { source: 'b', target: 'a', kind: 'follows' }] });
    expect(turned.data.addRelationships).toMatchObject({ accepted: true, inserted: 1, updated: 1 });
    // Both ways in one batch are one tie named twice: they add up.
    const both: any = await api.gql(ADD, { input: [{ source: 'c', target: 'a', kind: 'colleague', weight: 2 }, { source: 'a', target: 'c', kind: 'colleague', weight: 3 }] });
    expect(both.data.addRelationships).toMatchObject({ accepted: true, inserted: 1, merged: 1 });
    expect(await ties(store, 'mutual')).toEqual([
      ['a', 'b', 'colleague', 4, null, null],
      ['a', 'b', 'follows', 1, null, null],
      ['a', 'c', 'colleague', 5, null, null],
      ['b', 'a', 'follows', 1, null, null],
    ]);
  });
});

describe('migration 008', () => {
  it('turns mutual ties stored the other way round and merges those stored both ways, leaving the network as it was', async () => {
    const { store, migrateRest } = await storeBefore('008');
    try {
      const api = testApp(store, { tenant: 't' });
      await store.query(`INSERT INTO tenants (id, name) VALUES ('t', 't')`);
      for (const id of ['a', 'b', 'c', 'd', 'e']) {
        await store.query(`INSERT INTO customers (tenant_id, external_id) VALUES ('t', $1)`, [id]);
      }
      const stored: Tie[] = [
        ['a', 'b', 'colleague', 1, null, null],
        ['b', 'a', 'colleague', 2, null, null], // both ways: one tie of weight 3
        ['c', 'a', 'colleague', 1.5, null, null], // the other way only: turned round
        ['d', 'c', 'team', 0, null, null], // a weight of 0 counts 1, both ways: 2
        ['c', 'd', 'team', -4, null, null],
        ['b', 'a', 'follows', 1, null, null], // directed: as written
        ['e', 'd', 'colleague', 1, '2024-03-01', '2024-05-01'],
        ['d', 'e', 'colleague', 1, '2024-01-01', '2024-04-01'], // dated both ways: the earliest first, the latest last
      ];
      for (const [s, t, kind, weight, first, last] of stored) {
        await store.query(
          `INSERT INTO relationships (tenant_id, source_id, target_id, kind, weight, first_seen, last_seen)
           SELECT 't', s.id, t.id, $3, $4, $5, $6 FROM customers s, customers t
           WHERE s.tenant_id = 't' AND t.tenant_id = 't' AND s.external_id = $1 AND t.external_id = $2`,
          [s, t, kind, weight, first, last],
        );
      }
      const undated = `{ customers(first: 10) { edges { node { id externalId } } } network { edges(first: 100) { edges { node { source target weight } } } } }`;
      const before: any = await api.gql(undated);
      expect(before.errors).toBeUndefined();

      expect(await migrateRest()).toEqual(['008_mutual_ties_once']);
      expect(await ties(store, 't')).toEqual([
        ['a', 'b', 'colleague', 3, null, null],
        ['a', 'c', 'colleague', 1.5, null, null],
        ['b', 'a', 'follows', 1, null, null],
        ['c', 'd', 'team', 2, null, null],
        ['d', 'e', 'colleague', 2, '2024-01-01', '2024-05-01'],
      ]);
      // A fresh app (the network cache is per data version): the undated ties weigh what they weighed.
      await store.query(`UPDATE tenant_versions SET version = version + 1 WHERE tenant_id = 't'`);
      const after: any = await testApp(store, { tenant: 't' }).gql(undated);
      const weights = (r: any) => {
        const name = new Map(r.data.customers.edges.map((e: any) => [e.node.id, e.node.externalId]));
        return Object.fromEntries(r.data.network.edges.edges.map((e: any) => [`${name.get(e.node.source)}-${name.get(e.node.target)}`, e.node.weight]));
      };
      const [was, is] = [weights(before), weights(after)];
      for (const pair of ['a-b', 'a-c', 'c-d']) expect(is[pair], pair).toBeCloseTo(was[pair], 12);
      expect(Object.keys(is).sort()).toEqual(Object.keys(was).sort());
    } finally {
      await store.close();
    }
  });
});
