import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModelRegistry, type ModelRegistry } from '../server/sentiment/model-registry';
import type { Store } from '../server/store';
import { testApp } from './support/app';
import { storeCases } from './support/stores';

const PREDICTION = 'label probabilities { positive neutral negative } modelId';

describe.each(storeCases())('sentiment over GraphQL on $name', ({ open }) => {
  let store: Store;
  let models: ModelRegistry;
  let api: ReturnType<typeof testApp>;
  beforeAll(async () => {
    store = await open();
    models = createModelRegistry();
    api = testApp(store, { models });
  });
  afterAll(async () => {
    await models?.dispose();
    await store?.close();
  });

  it('classifies texts with the default model: clear cases right, probabilities summing to 1', async () => {
    const res: any = await api.gql(`query($t: [String!]!) { classify(texts: $t) { ${PREDICTION} } }`, {
      t: ['Thank you so much, the crew was wonderful and the flight was great!', 'Worst airline ever. Lost my bag and nobody helps. Cancelled again!'],
    });
    expect(res.errors).toBeUndefined();
    const [happy, angry] = res.data.classify;
    expect(happy.label).toBe('positive');
    expect(angry.label).toBe('negative');
    for (const p of res.data.classify) {
      const { positive, neutral, negative } = p.probabilities;
      expect(positive + neutral + negative).toBeCloseTo(1, 4);
      expect(p.modelId).toBe(models.defaultName);
    }
  });

  it('explains a prediction token by token, with any shipped model', async () => {
    for (const model of models.available()) {
      const res: any = await api.gql(`query($m: String) { classify(texts: ["the service was terrible"], model: $m, explain: true) { modelId explanation { token weight } } }`, { m: model });
      expect(res.errors).toBeUndefined();
      expect(res.data.classify[0].modelId).toBe(model);
      expect(res.data.classify[0].explanation.map((w: any) => w.token)).toContain('terrible');
    }
  });

  it('answers odd texts (empty, non-English, binary garbage, 1 MB) with a result, never a crash', async () => {
    // Binary garbage without NUL (U+0000 is refused in every text argument, as PostgreSQL cannot store it).
    const garbage = String.fromCharCode(...Array.from({ length: 300 }, (_, i) => 1 + ((i * 7919) % 55_000)));
    const res: any = await api.gql(`query($t: [String!]!) { classify(texts: $t) { label } }`, {
      t: ['', 'これは素晴らしいサービスです', 'Ça ne marche pas du tout', garbage, 'good '.repeat(200_000)],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.classify).toHaveLength(5);
    const nul: any = await api.gql(`query($t: [String!]!) { classify(texts: $t) { label } }`, { t: ['a\u0000b'] });
    expect(nul.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses an unknown model and oversized calls with coded errors', async () => {
    const unknown: any = await api.gql(`{ classify(texts: ["hi"], model: "gpt-9") { label } }`);
    expect(unknown.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(unknown.errors[0].message).toMatch(/no model "gpt-9"/);
    const many: any = await api.gql(`query($t: [String!]!) { classify(texts: $t) { label } }`, { t: Array(1001).fill('x') });
    expect(many.errors[0].extensions.code).toBe('BATCH_TOO_LARGE');
    // quality costs up to about 30 times the default per text: fewer texts per call, fewer still to explain.
    const slow: any = await api.gql(`query($t: [String!]!) { classify(texts: $t, model: "quality") { label } }`, { t: Array(201).fill('x') });
    expect(slow.errors[0].extensions.code).toBe('BATCH_TOO_LARGE');
    expect(slow.errors[0].message).toBe('classify with model quality takes at most 200 texts; this call has 201.');
    const explained: any = await api.gql(`query($t: [String!]!) { classify(texts: $t, model: "quality", explain: true) { label } }`, { t: Array(21).fill('x') });
    expect(explained.errors[0].message).toBe('classify with model quality takes at most 20 texts to explain; this call has 21.');
    const within: any = await api.gql(`query($t: [String!]!) { classify(texts: $t, model: "quality") { label } }`, { t: Array(200).fill('fine') });
    expect(within.data.classify).toHaveLength(200);
  });

  it('classifies interactions as they are written, and summarises them by channel, period and customer', async () => {
    const texts = [
      ['e1', 'email', 'Thank you, wonderful support and a great product!', 'ann'],
      ['e2', 'email', 'Terrible. My order arrived broken and nobody answers.', 'ann'],
      ['c1', 'chat', 'I love it, thanks a lot!', 'bob'],
      ['c2', 'chat', 'Awful service, I want a refund now', 'bob'],
      ['c3', 'chat', 'Great, thank you so much!', 'bob'],
    ];
    const res: any = await api.gql(`mutation($i: [InteractionInput!]!) { addInteractions(input: $i) { accepted inserted } }`, {
      i: texts.map(([id, channel, text, who], k) => ({
        externalId: id, channel, text, customerExternalId: who, occurredAt: `2024-0${k + 1}-10T10:00:00Z`,
      })),
    });
    expect(res.data.addInteractions).toEqual({ accepted: true, inserted: 5 });
    const list: any = await api.gql(`{ interactions(first: 10) { edges { node { externalId sentiment { ${PREDICTION} } } } } }`);
    const labels = Object.fromEntries(list.data.interactions.edges.map((e: any) => [e.node.externalId, e.node.sentiment.label]));
    expect(labels).toMatchObject({ e1: 'positive', e2: 'negative', c1: 'positive', c2: 'negative', c3: 'positive' });

    const byChannel: any = await api.gql(`{ sentimentSummary(groupBy: CHANNEL) { key count positive negative net } }`);
    expect(byChannel.data.sentimentSummary).toEqual([
      { key: 'chat', count: 3, positive: 2, negative: 1, net: 1 / 3 },
      { key: 'email', count: 2, positive: 1, negative: 1, net: 0 },
    ]);
    const byMonth: any = await api.gql(`{ sentimentSummary(groupBy: MONTH, channel: chat) { key count } }`);
    expect(byMonth.data.sentimentSummary.map((g: any) => g.key)).toEqual(['2024-03-01', '2024-04-01', '2024-05-01']);
    const byCustomer: any = await api.gql(`{ sentimentSummary(groupBy: CUSTOMER) { customer { externalId sentiment { net positive negative } } net } }`);
    for (const g of byCustomer.data.sentimentSummary) expect(g.customer.sentiment.net).toBeCloseTo(g.net, 10);
    const bob = byCustomer.data.sentimentSummary.find((g: any) => g.customer.externalId === 'bob');
    expect(bob.customer.sentiment).toEqual({ net: 1 / 3, positive: 2, negative: 1 });

    // By RFM segment: Ann has an order (a single customer scores R5 F1: new_customers); Bob has none.
    await api.gql(`mutation { addOrders(input: [{ invoice: "A1", customerExternalId: "ann", orderedAt: "2024-06-01", quantity: 1, unitPrice: 9 }]) { accepted } }`);
    const bySegment: any = await api.gql(`{ sentimentSummary(groupBy: SEGMENT) { key count net } }`);
    expect(bySegment.data.sentimentSummary).toEqual([
      { key: 'new_customers', count: 2, net: 0 },
      { key: 'unscored', count: 3, net: 1 / 3 },
    ]);
  });
});
