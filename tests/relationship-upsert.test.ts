import { describe, expect, it } from 'vitest';
import { importSource } from '../server/ingest/import-source';
import type { Source } from '../server/ingest/types';
import { testApp, useTestApp } from './support/app';
import { storeCases } from './support/stores';

const RESULT = 'accepted rowsRead inserted updated merged customersCreated rejectedCount';
const ADD = `mutation($input: [RelationshipInput!]!) { addRelationships(input: $input) { ${RESULT} } }`;

const text = (name: string, content: string): Source => ({ name, size: content.length, open: () => new Blob([content]).stream() });

describe.each(storeCases())('ties written again on $name', ({ open }) => {
  const t = useTestApp(open);

  /** The stored ties of a tenant between customers of these external ids, as `source>target kind` → values. */
  async function ties(tenant: string, ...ids: string[]) {
    const rows = await t.store.query<{ s: string; t: string; kind: string; weight: number; first_seen: Date | null; last_seen: Date | null }>(
      `SELECT s.external_id AS s, t.external_id AS t, r.kind, r.weight, r.first_seen, r.last_seen
       FROM relationships r
       JOIN customers s ON s.tenant_id = r.tenant_id AND s.id = r.source_id
       JOIN customers t ON t.tenant_id = r.tenant_id AND t.id = r.target_id
       WHERE r.tenant_id = $1 AND s.external_id = ANY($2) ORDER BY 1, 2, 3`,
      [tenant, ids],
    );
    const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;
    return Object.fromEntries(rows.map((r) => [`${r.s}>${r.t} ${r.kind}`, [r.weight, day(r.first_seen), day(r.last_seen)]]));
  }

  it('refreshes a tie sent again: the new weight, the earliest first and the latest last sighting', async () => {
    const tie = { source: 'u1', target: 'v1', kind: 'follows', firstSeen: '2024-01-01T00:00:00Z', lastSeen: '2024-01-01T00:00:00Z' };
    const first: any = await t.api.gql(ADD, { input: [tie] });
    expect(first.data.addRelationships).toMatchObject({ accepted: true, inserted: 1, updated: 0, merged: 0 });
    const same: any = await t.api.gql(ADD, { input: [tie] });
    expect(same.data.addRelationships).toMatchObject({ accepted: true, inserted: 0, updated: 0, merged: 0 });

    const newer: any = await t.api.gql(ADD, { input: [{ ...tie, lastSeen: '2024-12-31T00:00:00Z' }] });
    expect(newer.data.addRelationships).toMatchObject({ accepted: true, inserted: 0, updated: 1 });
    expect(await ties('default', 'u1')).toEqual({ 'u1>v1 follows': [1, '2024-01-01', '2024-12-31'] });

    // An older sighting widens the span back and keeps the latest; a tie without dates keeps the stored ones.
    const older: any = await t.api.gql(ADD, { input: [{ ...tie, weight: 5, firstSeen: '2023-06-01T00:00:00Z', lastSeen: '2023-06-01T00:00:00Z' }] });
    expect(older.data.addRelationships).toMatchObject({ inserted: 0, updated: 1 });
    expect(await ties('default', 'u1')).toEqual({ 'u1>v1 follows': [5, '2023-06-01', '2024-12-31'] });
    const undated: any = await t.api.gql(ADD, { input: [{ source: 'u1', target: 'v1', kind: 'follows', weight: 5 }] });
    expect(undated.data.addRelationships).toMatchObject({ inserted: 0, updated: 0 });
    expect(await ties('default', 'u1')).toEqual({ 'u1>v1 follows': [5, '2023-06-01', '2024-12-31'] });

    // The key is (source, target, kind): another kind or the other direction is another tie.
    const others: any = await t.api.gql(ADD, { input: [{ ...tie, kind: 'colleague' }, { ...tie, source: 'v1', target: 'u1' }] });
    expect(others.data.addRelationships).toMatchObject({ inserted: 2, updated: 0 });
  });

  it('shows the refreshed tie in the network at the next request (no stale cache)', async () => {
    const tenant = 'fresh-net';
    const net = testApp(t.store, { tenant });
    const add = async (input: object[]) => ((await net.gql(ADD, { input })) as any).data.addRelationships;
    const old = { source: 'n1', target: 'n2', kind: 'colleague', firstSeen: '2024-01-01T00:00:00Z', lastSeen: '2024-01-01T00:00:00Z' };
    // n3–n4 holds the tenant's latest sighting, from which the decay is measured.
    await add([old, { source: 'n3', target: 'n4', kind: 'colleague', lastSeen: '2024-12-31T00:00:00Z' }]);
    const ego = async () => {
      const id = ((await net.gql(`{ customerByExternalId(externalId: "n1") { id } }`)) as any).data.customerByExternalId.id;
      const res: any = await net.gql(`query($id: ID!) { network { egoNetwork(customer: $id) { edges { weight } } edges(first: 10) { edges { node { weight } } } } }`, { id });
      return { ego: res.data.network.egoNetwork.edges[0].weight, all: res.data.network.edges.edges.map((e: any) => e.node.weight).sort() };
    };
    const before = await ego();
    expect(before.ego).toBeCloseTo(2 ** (-365 / 90), 6); // a year-old tie
    expect(await add([{ ...old, weight: 3, lastSeen: '2024-12-31T00:00:00Z' }])).toMatchObject({ inserted: 0, updated: 1 });
    const after = await ego();
    expect(after.ego).toBeCloseTo(3, 6);
    expect(after.all).toEqual([1, 3]);
  });

  it('replaces a stored weight from a file and reports it; the same file again changes nothing', async () => {
    const tenant = 'file-upsert';
    await importSource(t.store, 'relationships', text('edges.txt', 'a b 1\n'), { tenant });
    const again = await importSource(t.store, 'relationships', text('edges.txt', 'a b 5\n'), { tenant });
    expect(again).toMatchObject({ rowsRead: 1, inserted: 0, updated: 1, merged: 0 });
    expect(await ties(tenant, 'a')).toEqual({ 'a>b follows': [5, null, null] });
    const same = await importSource(t.store, 'relationships', text('edges.txt', 'a b 5\n'), { tenant });
    expect(same).toMatchObject({ inserted: 0, updated: 0 });
  });

  it.each([5_000, 2])('adds up the lines of one file that repeat a tie (batches of %i), and says so', async (batchSize) => {
    const tenant = `repeats-${batchSize}`;
    const file = text('edges.txt', 'a b\na b\na b\nc d 2\nc d 7\n');
    const first = await importSource(t.store, 'relationships', file, { tenant, batchSize });
    expect(first).toMatchObject({ rowsRead: 5, inserted: 2, updated: 0, merged: 3, customersCreated: 4 });
    expect(await ties(tenant, 'a', 'c')).toEqual({ 'a>b follows': [3, null, null], 'c>d follows': [9, null, null] });
    // The same file again gives the same sums: nothing changes, nothing is counted as updated.
    const again = await importSource(t.store, 'relationships', file, { tenant, batchSize });
    expect(again).toMatchObject({ rowsRead: 5, inserted: 0, updated: 0, merged: 3 });
    expect(await ties(tenant, 'a', 'c')).toEqual({ 'a>b follows': [3, null, null], 'c>d follows': [9, null, null] });
    // A later file replaces the sums of the ties it names.
    const later = await importSource(t.store, 'relationships', text('edges.txt', 'c d 4\n'), { tenant, batchSize });
    expect(later).toMatchObject({ inserted: 0, updated: 1, merged: 0 });
    expect(await ties(tenant, 'a', 'c')).toEqual({ 'a>b follows': [3, null, null], 'c>d follows': [4, null, null] });
  });

  it('spans the repeats of a tie across batches: earliest first sighting, latest last sighting', async () => {
    const tenant = 'repeat-dates';
    const csv = [
      'source,target,kind,weight,first_seen,last_seen',
      'a,b,colleague,1,2024-03-01,2024-03-05',
      'x,y,colleague,1,2024-01-01,2024-01-01',
      'a,b,colleague,2,2024-01-10,2024-02-01',
      'x,y,colleague,1,,',
      'a,b,colleague,0.5,2024-04-01,2024-06-30',
    ].join('\n');
    const res = await importSource(t.store, 'relationships', text('ties.csv', csv), { tenant, batchSize: 1 });
    expect(res).toMatchObject({ rowsRead: 5, inserted: 2, updated: 0, merged: 3 });
    expect(await ties(tenant, 'a', 'x')).toEqual({
      'a>b colleague': [3.5, '2024-01-10', '2024-06-30'],
      'x>y colleague': [2, '2024-01-01', '2024-01-01'],
    });
  });

  it('adds up the items of one addRelationships batch that repeat a tie', async () => {
    const item = { source: 'm1', target: 'm2', kind: 'mentions' };
    const input = [item, item, { ...item, weight: 2, lastSeen: '2024-05-01T00:00:00Z' }];
    const res: any = await t.api.gql(ADD, { input });
    expect(res.data.addRelationships).toMatchObject({ accepted: true, rowsRead: 3, inserted: 1, updated: 0, merged: 2 });
    expect(await ties('default', 'm1')).toEqual({ 'm1>m2 mentions': [4, null, '2024-05-01'] });
    const again: any = await t.api.gql(ADD, { input });
    expect(again.data.addRelationships).toMatchObject({ inserted: 0, updated: 0, merged: 2 });
  });
});
