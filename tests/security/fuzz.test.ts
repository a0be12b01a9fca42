import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../server/store';
import { storeCases } from '../support/stores';
import { twoTenants, type Reply } from './fixture';

/** Codes a refusal may carry: each names what the caller got wrong. */
const CODES = new Set(['BAD_USER_INPUT', 'PAGE_SIZE_EXCEEDED', 'BATCH_TOO_LARGE', 'QUERY_TOO_COMPLEX', 'BAD_REQUEST', 'GRAPHQL_VALIDATION_FAILED']);
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

/** Any JSON a client could send for a variable: right types, wrong types, edge values, hostile strings. */
const value = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -3, max: 600 }),
  fc.integer(),
  fc.double(),
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('', ' ', '%', '_', "'; DROP TABLE customers; --", '\u0000', 'Q3VzdG9tZXI6MQ', 'Q3VzdG9tZXI6OTk5OTk5OTk5OTk5OTk5OTk5OQ', 'SW50ZXJhY3Rpb246MQ', 'email', 'chat', 'positive', '2024-01-01', '9999-12-31T23:59:59Z', 'NaN', 'c1'),
  fc.base64String({ maxLength: 40 }),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.string(), fc.integer()), { maxKeys: 3 }),
);

const vars = (names: string[]) => fc.dictionary(fc.constantFrom(...names), value, { maxKeys: names.length });

const orderLine = fc.record(
  {
    invoice: value,
    lineNo: value,
    customerExternalId: value,
    orderedAt: value,
    quantity: value,
    unitPrice: value,
    amount: value,
    product: value,
    cancelled: value,
  },
  { requiredKeys: [] },
);

describe.each(storeCases())('fuzzed GraphQL variables on $name', ({ open }) => {
  let store: Store;
  let t: Awaited<ReturnType<typeof twoTenants>>;
  beforeAll(async () => {
    store = await open();
    t = await twoTenants(store);
  });
  afterAll(() => store?.close());

  /** No 5xx, no masked crash; any error is coded and says something. */
  const sane = (res: Reply) => {
    expect(res.status).toBeLessThan(500);
    for (const e of res.json?.errors ?? []) {
      expect(e.message).not.toBe('Unexpected error.');
      expect(e.message.length).toBeGreaterThan(5);
      expect(CODES, `${e.extensions?.code}: ${e.message}`).toContain(e.extensions?.code);
    }
  };

  it('customers(first, after, search, segment) never crashes', async () => {
    const q = `query($first: Int, $after: String, $search: String, $segment: String, $segmentMap: String) {
      customers(first: $first, after: $after, search: $search, segment: $segment, segmentMap: $segmentMap) { totalCount edges { cursor node { id name } } } }`;
    await fc.assert(
      fc.asyncProperty(vars(['first', 'after', 'search', 'segment', 'segmentMap']), async (v) => sane(await t.gql(t.keys.alpha.read, q, v))),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('interactions(first, after, channel, sentiment, customer, from, to) never crashes', async () => {
    const q = `query($first: Int, $after: String, $channel: Channel, $sentiment: Sentiment, $customer: ID, $from: DateTime, $to: DateTime) {
      interactions(first: $first, after: $after, channel: $channel, sentiment: $sentiment, customer: $customer, from: $from, to: $to) { totalCount edges { node { id text } } } }`;
    await fc.assert(
      fc.asyncProperty(vars(['first', 'after', 'channel', 'sentiment', 'customer', 'from', 'to']), async (v) => sane(await t.gql(t.keys.alpha.read, q, v))),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('addOrders(input) accepts or refuses whole batches, never crashes', async () => {
    const q = `mutation($input: [OrderInput!]!) { addOrders(input: $input) { accepted rejectedCount errors { line message } } }`;
    await fc.assert(
      fc.asyncProperty(fc.oneof(value, fc.array(orderLine, { maxLength: 8 })), async (input) => {
        const res = await t.gql(t.keys.alpha.write, q, { input });
        sane(res);
        const result = res.json?.data?.addOrders;
        if (result && !result.accepted) expect(result.errors.every((e: { message: string }) => e.message.length > 5)).toBe(true);
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  }, 120_000);
});
