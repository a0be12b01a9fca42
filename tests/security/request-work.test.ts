import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLASSIFY_UNITS_PER_REQUEST, EXPLAIN_WEIGHT, RESOLUTIONS_PER_REQUEST } from '../../server/auth/request-work';
import { createModelRegistry, type ModelRegistry } from '../../server/sentiment/model-registry';
import { openStore, type Store } from '../../server/store';
import { twoTenants } from './fixture';

/**
 * What one request may make the server compute, whatever it is split into: aliases of one field, or the
 * operations of a batch. Each of these requests was cheap to send and, before the budget, cost seconds to a minute
 * of the event loop for every tenant.
 */
describe('the work one request may cause', () => {
  let store: Store;
  let models: ModelRegistry;
  let t: Awaited<ReturnType<typeof twoTenants>>;

  beforeAll(async () => {
    store = await openStore();
    models = createModelRegistry({ defaultName: 'fast' });
    t = await twoTenants(store, { models });
  });
  afterAll(async () => {
    await models?.dispose();
    await store?.close();
  });

  const texts = (n: number) => Array.from({ length: n }, (_, i) => `text ${i} was fine`);
  const codes = (json: any) => (json.errors ?? []).map((e: any) => e.extensions?.code);

  it(`classifies ${CLASSIFY_UNITS_PER_REQUEST} texts per request across aliases, and refuses the rest with a reason`, async () => {
    const res = await t.gql(t.keys.alpha.read, `query($t: [String!]!) { a: classify(texts: $t) { label } b: classify(texts: $t) { label } c: classify(texts: $t) { label } }`, { t: texts(1000) });
    expect(res.json.data.a).toHaveLength(1000);
    expect(res.json.data.b).toHaveLength(1000);
    expect(res.json.data.c).toBeNull();
    expect(codes(res.json)).toEqual(['BATCH_TOO_LARGE']);
    expect(res.json.errors[0].message).toBe(
      `This request may classify ${CLASSIFY_UNITS_PER_REQUEST} texts with model fast in all (across its operations and aliases); 0 are left for this call, which has 1000. Send the rest in another request.`,
    );
    // The next request has its own budget.
    expect(codes((await t.gql(t.keys.alpha.read, `query($t: [String!]!) { classify(texts: $t) { label } }`, { t: texts(1000) })).json)).toEqual([]);
  });

  it('counts every operation of a batch against the same budget, and an explained text as more than one', async () => {
    const op = { query: `query($t: [String!]!) { classify(texts: $t) { label } }`, variables: { t: texts(800) } };
    const batch = await t.call(t.keys.alpha.read, [op, op, op]);
    expect(batch.json.map(codes)).toEqual([[], [], ['BATCH_TOO_LARGE']]);
    const explainable = CLASSIFY_UNITS_PER_REQUEST / EXPLAIN_WEIGHT;
    const explain = (n: number) => t.gql(t.keys.alpha.read, `query($t: [String!]!) { classify(texts: $t, explain: true) { explanation { token } } }`, { t: texts(n) });
    expect(codes((await explain(explainable)).json)).toEqual([]);
    const over = await explain(explainable + 1);
    expect(codes(over.json)).toEqual(['BATCH_TOO_LARGE']);
    expect(over.json.errors[0].message).toMatch(new RegExp(`may classify ${explainable} texts with explanations`));
  });

  it(`finds communities at ${RESOLUTIONS_PER_REQUEST} resolutions per request, rounded to two significant digits`, async () => {
    const fields = [1, 1.00007, 1.04, 2, 3, 4, 5].map((g, i) => `n${i}: network(resolution: ${g}) { resolution }`).join(' ');
    const res = await t.gql(t.keys.alpha.read, `{ ${fields} }`);
    // 1.00007 and 1.04 round to 1 (no new run); 2, 3 and 4 are new; 5 would be the fifth.
    expect([0, 1, 2, 3, 4, 5].map((i) => res.json.data[`n${i}`]?.resolution)).toEqual([1, 1, 1, 2, 3, 4]);
    expect(res.json.data.n6).toBeNull();
    expect(codes(res.json)).toEqual(['BAD_USER_INPUT']);
    expect(res.json.errors[0].message).toMatch(new RegExp(`at ${RESOLUTIONS_PER_REQUEST} resolutions at most`));
    // A community id at an unrounded resolution names the rounded one's community.
    const id = (await t.gql(t.keys.alpha.read, `{ network(resolution: 1.57) { resolution communities { id } } }`)).json.data.network;
    expect(id.resolution).toBe(1.6);
    expect(id.communities[0].id).toBe('0@1.6');
  });

  it('counts nodes(ids) by the number of ids', async () => {
    const [customer] = await t.customerIds('alpha');
    const query = `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Customer { name email country } } }`;
    const few = await t.gql(t.keys.alpha.read, query, { ids: Array(10).fill(customer) });
    expect(few.json.data.nodes).toHaveLength(10);
    const many = await t.gql(t.keys.alpha.read, query, { ids: Array(20_000).fill(customer) });
    expect(codes(many.json)).toEqual(['QUERY_TOO_COMPLEX']);
  });
});
