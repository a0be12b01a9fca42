/**
 * The social network over GraphQL, on both stores: the demo tenant (planted communities, hubs, a splitting, a
 * shrinking and a late-forming community) through the real import path, checked against plain SQL where the
 * answer is plain (ego networks, community value); the per-version cache; another tenant's ids; and
 * email-Eu-core imported as an edge list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDemo } from '../server/ingest/import-demo';
import { importRows } from '../server/ingest/import-rows';
import { importSource } from '../server/ingest/import-source';
import { fileSource } from '../server/ingest/read-records';
import { interactionTieText } from '../server/store/queries/network';
import { tenantIds, type TenantIds } from '../server/auth/global-ids';
import type { Store } from '../server/store';
import { testApp } from './support/app';
import { dataFile, describeWithData } from './support/data';
import { storeCases } from './support/stores';

const INFLUENCE = 'rank score percentile pageRank reach';

describe.each(storeCases())('network over GraphQL on the demo tenant ($name)', ({ open }) => {
  let store: Store;
  let gql: ReturnType<typeof testApp>['gql'];
  const idOf = async (externalId: string) =>
    (await gql(`query($x: String!) { customerByExternalId(externalId: $x) { id } }`, { x: externalId })).data!.customerByExternalId.id as string;
  let ids: TenantIds;
  /** A global id of the demo tenant → store id (0 when it is not one of theirs). */
  const storeId = (globalId: string) => ids.storeId('Customer', globalId);

  beforeAll(async () => {
    store = await open();
    await importDemo(store, { demo: { customers: 600 } });
    gql = testApp(store).gql;
    ids = await tenantIds(store, 'default');
  }, 600_000);
  afterAll(() => store?.close());

  it('communities partition the network with high modularity; influencers come by score', async () => {
    const res = await gql(`{ network { modularity communityCount nodeCount tieCount derivedTieCount resolution
      communities { id size } influencers(first: 20) { customer { externalId } ${INFLUENCE} } } }`);
    expect(res.errors).toBeUndefined();
    const net = res.data!.network;
    const [sql] = await store.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT source_id FROM relationships UNION SELECT target_id FROM relationships) c`,
    );
    expect(net.nodeCount).toBe(sql!.n);
    expect(net.communities.reduce((s: number, c: any) => s + c.size, 0)).toBe(net.nodeCount);
    expect(net.communities.length).toBe(net.communityCount);
    expect(net.modularity).toBeGreaterThan(0.3);
    expect(net.derivedTieCount).toBeGreaterThan(0);
    const scores = net.influencers.map((i: any) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(net.influencers.map((i: any) => i.rank)).toEqual(Array.from({ length: 20 }, (_, k) => k + 1));
    expect(net.influencers[0].percentile).toBeGreaterThan(99);
    console.log(`demo 600: ${net.nodeCount} nodes, ${net.tieCount} ties (${net.derivedTieCount} derived), ` +
      `${net.communityCount} communities, Q = ${net.modularity.toFixed(4)}`);

    const top = net.influencers[0];
    const one = await gql(`query($x: String!) { customerByExternalId(externalId: $x) { influence { ${INFLUENCE} } role } }`, { x: top.customer.externalId });
    const { customer, ...entry } = top;
    expect(one.data!.customerByExternalId.influence).toEqual(entry);
    expect(['HUB', 'CONNECTOR', 'PERIPHERAL', 'ULTRA_PERIPHERAL', 'KINLESS']).toContain(one.data!.customerByExternalId.role);
  });

  it('a customer\'s community is the community whose members include it; customers(community:) agrees', async () => {
    const top = (await gql(`{ network { influencers(first: 1) { customer { id community { id size } } } } }`)).data!.network.influencers[0].customer;
    const members = await gql(`query($c: ID!) { community(id: $c) { id size members(first: 500) { totalCount edges { node { id } } }
      leaders { id } roles(first: 500) { customer { id } role z participation } value sentiment segmentMix { segment count share } } }`, { c: top.community.id });
    expect(members.errors).toBeUndefined();
    const c = members.data!.community;
    expect(c.size).toBe(top.community.size);
    expect(c.members.totalCount).toBe(c.size);
    expect(c.members.edges.map((e: any) => e.node.id)).toContain(top.id);
    expect(c.roles).toHaveLength(Math.min(500, c.size));
    expect(c.leaders).toHaveLength(3);
    expect(c.segmentMix.reduce((s: number, m: any) => s + m.count, 0)).toBe(c.size);
    const ids = c.members.edges.map((e: any) => storeId(e.node.id));
    const [value] = await store.query<{ v: number }>(`SELECT coalesce(sum(monetary), 0)::float8 AS v FROM customer_stats WHERE customer_id = ANY($1::bigint[])`, [ids]);
    expect(c.value).toBeCloseTo(value!.v, 6);
    const filtered = await gql(`query($c: ID) { customers(community: $c, first: 500) { totalCount edges { node { id community { id } } } } }`, { c: c.id });
    expect(filtered.data!.customers.totalCount).toBe(c.size);
    expect(filtered.data!.customers.edges.every((e: any) => e.node.community.id === c.id)).toBe(true);
    const page = await gql(`query($c: ID!) { community(id: $c) { members(first: 501) { totalCount } } }`, { c: c.id });
    expect(page.errors?.[0]?.extensions?.code).toBe('PAGE_SIZE_EXCEEDED');
  });

  it('egoNetwork radius 1 is exactly the customer and its neighbours in relationships', async () => {
    const id = await idOf('cust_0042');
    const res = await gql(`query($id: ID!) { network { egoNetwork(customer: $id, radius: 1) { nodes { customer { id } distance pageRank }
      edges { source target weight } totalAlters truncated } } }`, { id });
    expect(res.errors).toBeUndefined();
    const ego = res.data!.network.egoNetwork;
    const rows = await store.query<{ other: number }>(
      `SELECT DISTINCT CASE WHEN source_id = $1 THEN target_id ELSE source_id END AS other
       FROM relationships WHERE (source_id = $1 OR target_id = $1) AND source_id <> target_id`, [storeId(id)],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(ego.nodes[0]).toMatchObject({ customer: { id }, distance: 0 });
    expect(ego.nodes.slice(1).map((n: any) => storeId(n.customer.id)).sort((a: number, b: number) => a - b))
      .toEqual(rows.map((r) => Number(r.other)).sort((a, b) => a - b));
    expect(ego.totalAlters).toBe(rows.length);
    const inEgo = new Set(ego.nodes.map((n: any) => n.customer.id));
    expect(ego.edges.every((e: any) => inEgo.has(e.source) && inEgo.has(e.target) && e.weight > 0)).toBe(true);
    expect(ego.edges.filter((e: any) => e.source === id || e.target === id)).toHaveLength(rows.length);
    const two = await gql(`query($id: ID!) { network { egoNetwork(customer: $id, radius: 2) { totalAlters } } }`, { id });
    expect(two.data!.network.egoNetwork.totalAlters).toBeGreaterThan(rows.length);
  });

  /** Every page of `network.edges` through `gql`, in order. */
  const allEdges = async (ask: typeof gql, size = 500) => {
    const out: Array<{ cursor: string; node: { source: string; target: string; weight: number } }> = [];
    let after: string | null = null;
    for (;;) {
      const res: any = await ask(`query($after: String, $n: Int) { network { edges(first: $n, after: $after) { totalCount
        edges { cursor node { source target weight } } pageInfo { hasNextPage endCursor } } } }`, { after, n: size });
      expect(res.errors).toBeUndefined();
      const page = res.data.network.edges;
      out.push(...page.edges);
      if (!page.pageInfo.hasNextPage) return { edges: out, totalCount: page.totalCount as number };
      after = page.pageInfo.endCursor;
    }
  };
  const pairKey = (e: { source: string; target: string }) => `${storeId(e.source)} ${storeId(e.target)}`;

  it('network.edges pages join without gaps or duplicates into every tie, as many as the network\'s edge count', async () => {
    const { edges, totalCount } = await allEdges(gql);
    const count = (await gql(`{ network { edgeCount } }`)).data!.network.edgeCount;
    // The merge done again here: stored relationships and derived ties, one entry per unordered pair, no self-ties.
    const derived = (await interactionTieText(store, 'default')).split('\n').filter(Boolean).map((line) => line.split(',').map(Number));
    const stored = await store.query<{ s: number; t: number }>(`SELECT source_id::float8 AS s, target_id::float8 AS t FROM relationships WHERE tenant_id = 'default'`);
    const pairs = new Set([...stored.map((r) => [r.s, r.t]), ...derived].filter(([a, b]) => a !== b).map(([a, b]) => `${Math.min(a!, b!)} ${Math.max(a!, b!)}`));
    expect(totalCount).toBe(pairs.size);
    expect(count).toBe(pairs.size);
    expect(edges).toHaveLength(pairs.size);
    const keys = edges.map((e) => pairKey(e.node));
    expect(new Set(keys)).toEqual(pairs);
    const ordered = edges.map((e) => [storeId(e.node.source), storeId(e.node.target)] as const);
    expect(ordered.every(([a, b], i) => a < b && (i === 0 || a > ordered[i - 1]![0] || (a === ordered[i - 1]![0] && b > ordered[i - 1]![1])))).toBe(true);
    expect(edges.every((e) => e.node.weight > 0)).toBe(true);
    console.log(`demo 600: ${totalCount} edges (${stored.length} stored + ${derived.length} derived ties merged)`);

    // The ego network's ties are the same ties with the same weights.
    const ego = (await gql(`query($id: ID!) { network { egoNetwork(customer: $id, radius: 1) { edges { source target weight } } } }`, { id: await idOf('cust_0042') })).data!.network.egoNetwork;
    const weightOf = new Map(edges.map((e) => [pairKey(e.node), e.node.weight]));
    for (const e of ego.edges) {
      const [a, b] = [storeId(e.source), storeId(e.target)].sort((x, y) => x - y);
      expect(weightOf.get(`${a} ${b}`)).toBeCloseTo(e.weight, 9);
    }
  });

  it('network.edges cursors: the same page again, backwards with last/before, the page cap and foreign cursors', async () => {
    const query = `query($first: Int, $after: String, $last: Int, $before: String) { network { edges(first: $first, after: $after, last: $last, before: $before) {
      edges { cursor node { source target } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }`;
    const one = (await gql(query, { first: 100 })).data!.network.edges;
    const two = (await gql(query, { first: 100, after: one.pageInfo.endCursor })).data!.network.edges;
    const again = (await gql(query, { first: 100, after: one.pageInfo.endCursor })).data!.network.edges;
    expect(again).toEqual(two);
    expect(two.edges[0].cursor).not.toBe(one.edges[99].cursor);
    const back = (await gql(query, { last: 10, before: two.edges[0].cursor })).data!.network.edges;
    expect(back.edges.map((e: any) => e.cursor)).toEqual(one.edges.slice(90).map((e: any) => e.cursor));
    const tooBig = await gql(`{ network { edges(first: 501) { totalCount } } }`);
    expect(tooBig.errors?.[0]?.extensions?.code).toBe('PAGE_SIZE_EXCEEDED');
    const notOurs = await gql(`{ network { edges(first: 5, after: "bm9wZQ") { totalCount } } }`);
    expect(notOurs.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('network.edges of one tenant never show another tenant\'s ties', async () => {
    await importRows(store, 'relationships', (async function* () {
      yield { line: 1, record: { sourceExternalId: 'iso_a', targetExternalId: 'iso_b', kind: 'colleague', weight: 3 } };
      yield { line: 2, record: { sourceExternalId: 'iso_b', targetExternalId: 'iso_c', kind: 'follows', weight: 1 } };
    })(), { tenant: 'isolated', sourceName: 'test', format: 'test' });
    const theirs = await allEdges(testApp(store, { tenant: 'isolated' }).gql, 1);
    const isolatedIds = await tenantIds(store, 'isolated');
    const ids = await store.query<{ id: number; tenant_id: string }>(`SELECT id::float8 AS id, tenant_id FROM customers`);
    const tenantOf = new Map(ids.map((r) => [r.id, r.tenant_id]));
    expect(theirs.totalCount).toBe(2);
    expect(theirs.edges.flatMap((e) => [e.node.source, e.node.target]).every((id) => tenantOf.get(isolatedIds.storeId('Customer', id)) === 'isolated')).toBe(true);
    // Their ids name nothing here.
    expect(theirs.edges.some((e) => storeId(e.node.source) || storeId(e.node.target))).toBe(false);
    const ours = await allEdges(gql);
    expect(ours.edges.flatMap((e) => [e.node.source, e.node.target]).every((id) => tenantOf.get(storeId(id)) === 'default')).toBe(true);
    // A cursor from the other tenant's list holds their global ids, which name nothing here: refused.
    const foreign = await gql(`query($after: String) { network { edges(first: 500, after: $after) { edges { node { source } } } } }`, { after: theirs.edges[0]!.cursor });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('another tenant\'s customer and unknown communities resolve to null', async () => {
    await importRows(store, 'relationships', (async function* () {
      yield { line: 1, record: { sourceExternalId: 'x1', targetExternalId: 'x2', kind: 'follows', weight: 1 } };
    })(), { tenant: 'other', sourceName: 'test', format: 'test' });
    const [row] = await store.query<{ id: number }>(`SELECT id FROM customers WHERE tenant_id = 'other' AND external_id = 'x1'`);
    const foreign = (await tenantIds(store, 'other')).encode('Customer', row!.id);
    const res = await gql(`query($id: ID!) { network { egoNetwork(customer: $id) { totalAlters } } community(id: "100000") { id } }`, { id: foreign });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ network: { egoNetwork: null }, community: null });
    // What is not a Rapport global id at all — Relay's default shape `base64("Customer:<id>")`, an external id — is
    // refused, as by customer(id:), rather than answered as if no such customer existed.
    for (const id of [Buffer.from(`Customer:${row!.id}`).toString('base64'), 'x1', 'nope']) {
      const refused = await gql(`query($id: ID!) { network { egoNetwork(customer: $id) { totalAlters } } }`, { id });
      expect(refused.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([['BAD_USER_INPUT', `"${id}" is not a Rapport global id.`]]);
    }
    const bad = await gql(`{ community(id: "nope") { id } network(resolution: -1) { modularity } }`);
    expect(bad.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
  });

  it('a higher resolution gives more communities, with ids that resolve at that resolution', async () => {
    const res = await gql(`{ network(resolution: 2) { resolution communityCount communities { id size } } base: network { communityCount } }`);
    expect(res.data!.network.communityCount).toBeGreaterThan(res.data!.base.communityCount);
    const first = res.data!.network.communities[0];
    expect(first.id).toBe('0@2');
    const again = await gql(`query($c: ID!) { community(id: $c) { size resolution } }`, { c: first.id });
    expect(again.data!.community).toEqual({ size: first.size, resolution: 2 });
  });

  it('group evolution sees births, a split and deaths, with early warnings', async () => {
    const res = await gql(`{ communityEvolution { period windows { label ties } events(types: [BIRTH, SPLIT, DEATH]) { type label from to }
      tracks(minWindows: 3) { id alive warning { flagged reasons } snapshots { label size value activity sentiment } } } }`);
    expect(res.errors).toBeUndefined();
    const evo = res.data!.communityEvolution;
    expect(evo.windows.length).toBeGreaterThanOrEqual(12);
    const types = new Set(evo.events.map((e: any) => e.type));
    expect([...types].sort()).toEqual(['BIRTH', 'DEATH', 'SPLIT']);
    expect(evo.events.some((e: any) => e.type === 'BIRTH' && e.label > evo.windows[0].label)).toBe(true);
    // The demo plants one split (2026-06, server/demo/README.md); per-window Leiden may see others.
    const split = evo.events.find((e: any) => e.type === 'SPLIT');
    expect(split.from).toHaveLength(1);
    expect(split.to.length).toBeGreaterThanOrEqual(2);
    expect(evo.tracks.length).toBeGreaterThan(0);
    const tally = evo.events.reduce((t: Record<string, number>, e: any) => ({ ...t, [e.type]: (t[e.type] ?? 0) + 1 }), {});
    console.log(`demo evolution: ${JSON.stringify(tally)}, splits in ${evo.events.filter((e: any) => e.type === 'SPLIT').map((e: any) => e.label)}; ` +
      `${evo.tracks.filter((t: any) => t.warning.flagged).length}/${evo.tracks.length} long tracks flagged`);
  });

  it('a new relationship changes the network at once (the cache follows the data version)', async () => {
    const before = (await gql(`{ network { nodeCount tieCount } }`)).data!.network;
    const add = await gql(`mutation { addRelationships(input: [{ source: "new_a", target: "new_b", kind: "colleague" }]) { accepted } }`);
    expect(add.errors).toBeUndefined();
    const after = await gql(`{ network { nodeCount tieCount } customerByExternalId(externalId: "new_a") { community { size } influence { reach } } }`);
    expect(after.data!.network).toEqual({ nodeCount: before.nodeCount + 2, tieCount: before.tieCount + 1 });
    expect(after.data!.customerByExternalId).toEqual({ community: { size: 2 }, influence: { reach: 1 } });
  });
});

describeWithData('network over GraphQL on email-Eu-core', () => {
  describe.each(storeCases())('on $name', ({ open }) => {
    let store: Store;
    let gql: ReturnType<typeof testApp>['gql'];
    beforeAll(async () => {
      store = await open();
      await importSource(store, 'relationships', fileSource(dataFile('email-eu-core', 'email-Eu-core.txt')), { tenant: 'default' });
      gql = testApp(store).gql;
    }, 600_000);
    afterAll(() => store?.close());

    it('finds communities with modularity ≥ 0.41, named by the file\'s node ids', async () => {
      const res = await gql(`{ network { modularity nodeCount communityCount communities { id size }
        influencers(first: 3) { customer { externalId } pageRank score } edgeCount edges(first: 0) { totalCount } } }`);
      expect(res.errors).toBeUndefined();
      const net = res.data!.network;
      expect(net.nodeCount).toBe(1005);
      // 25,571 arcs with loops; as unordered pairs without self-ties, 16,064 (SNAP's own undirected count).
      const [pairs] = await store.query<{ n: number }>(`SELECT count(DISTINCT (least(source_id, target_id), greatest(source_id, target_id)))::int AS n
        FROM relationships WHERE source_id <> target_id`);
      expect(pairs!.n).toBe(16_064);
      expect(net.edgeCount).toBe(16_064);
      expect(net.edges.totalCount).toBe(16_064);
      expect(net.communities.reduce((s: number, c: any) => s + c.size, 0)).toBe(1005);
      expect(net.modularity).toBeGreaterThanOrEqual(0.41);
      expect(net.influencers[0].customer.externalId).toMatch(/^\d+$/);
      console.log(`email-Eu-core: Q = ${net.modularity.toFixed(4)}, ${net.communityCount} communities, ` +
        `top ${net.influencers.map((i: any) => i.customer.externalId).join(', ')}`);
    });
  });
});
