import { gzipSync } from 'node:zlib';
import { firstSseData } from './support/sse';
import { describe, expect, it } from 'vitest';
import { useTestApp } from './support/app';
import { tableCounts } from './support/snapshot';
import { storeCases } from './support/stores';

const RESULT = 'accepted rowsRead inserted updated customersCreated rejectedCount errors { line column field message }';

describe.each(storeCases())('write API on $name', ({ open }) => {
  const t = useTestApp(open);

  const upload = async (kind: string, name: string, content: BlobPart, extra: Record<string, unknown> = {}) => {
    const form = new FormData();
    const query = `mutation($kind: RecordKind!, $file: File!, $skipInvalid: Boolean) { importFile(kind: $kind, file: $file, skipInvalid: $skipInvalid) { ${RESULT} format } }`;
    form.append('operations', JSON.stringify({ query, variables: { kind, file: null, ...extra } }));
    form.append('map', JSON.stringify({ 0: ['variables.file'] }));
    form.append('0', new Blob([content]), name);
    const res = await t.api.app.fetch('http://yoga/graphql', { method: 'POST', body: form });
    return (await res.json()) as any;
  };

  it('upserts customers idempotently: the same batch twice writes nothing the second time', async () => {
    const input = [
      { externalId: 'c-1', name: 'Ada Lovelace', email: 'ada@example.com', country: 'UK', attributes: { plan: 'pro' } },
      { externalId: 'c-2', name: 'Grace Hopper' },
    ];
    const q = `mutation($input: [CustomerInput!]!) { upsertCustomers(input: $input) { ${RESULT} } }`;
    const first: any = await t.api.gql(q, { input });
    expect(first.data.upsertCustomers).toMatchObject({ accepted: true, inserted: 2, updated: 0 });
    const second: any = await t.api.gql(q, { input });
    expect(second.data.upsertCustomers).toMatchObject({ accepted: true, inserted: 0, updated: 0 });
    const changed: any = await t.api.gql(q, { input: [{ externalId: 'c-2', country: 'US' }] });
    expect(changed.data.upsertCustomers).toMatchObject({ inserted: 0, updated: 1 });
    const got: any = await t.api.gql(`{ customerByExternalId(externalId: "c-2") { name country } }`);
    expect(got.data.customerByExternalId).toEqual({ name: 'Grace Hopper', country: 'US' });
  });

  it('adds orders all-or-nothing: one bad item refuses the batch and names it', async () => {
    const before = await tableCounts(t.store);
    const q = `mutation($input: [OrderInput!]!) { addOrders(input: $input) { ${RESULT} } }`;
    const res: any = await t.api.gql(q, {
      input: [
        { invoice: 'X1', customerExternalId: 'c-1', orderedAt: '2024-03-01T10:00:00Z', quantity: 2, unitPrice: 5 },
        { invoice: '', customerExternalId: 'c-1', orderedAt: '2024-03-01T10:00:00Z', quantity: 1, unitPrice: 5 },
      ],
    });
    expect(res.data.addOrders.accepted).toBe(false);
    expect(res.data.addOrders.errors).toEqual([{ line: 2, column: 1, field: 'invoice', message: 'invoice must not be empty' }]);
    expect(await tableCounts(t.store)).toEqual(before);

    const ok: any = await t.api.gql(q, {
      input: [
        { invoice: 'X1', customerExternalId: 'c-1', orderedAt: '2024-03-01T10:00:00Z', quantity: 2, unitPrice: 5 },
        { invoice: 'X1', customerExternalId: 'c-1', orderedAt: '2024-03-01T10:00:00Z', quantity: 1, unitPrice: 2.5 },
        { invoice: 'G1', orderedAt: '2024-03-02T10:00:00Z', quantity: 1, unitPrice: 1 },
      ],
    });
    expect(ok.data.addOrders).toMatchObject({ accepted: true, inserted: 3 });
    const again: any = await t.api.gql(q, { input: [{ invoice: 'X1', customerExternalId: 'c-1', orderedAt: '2024-03-01T10:00:00Z', quantity: 2, unitPrice: 5 }] });
    expect(again.data.addOrders).toMatchObject({ accepted: true, inserted: 0 });
    const stats: any = await t.api.gql(`{ customerByExternalId(externalId: "c-1") { stats { invoices monetary } } }`);
    expect(stats.data.customerByExternalId.stats).toEqual({ invoices: 1, monetary: 12.5 });
  });

  it('rejects invalid values with a coded error before anything runs', async () => {
    const res: any = await t.api.gql(`mutation { addOrders(input: [{ invoice: "Z", orderedAt: "yesterday", quantity: 1, unitPrice: 1 }]) { accepted } }`);
    expect(res.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const enumRes: any = await t.api.gql(`mutation { addInteractions(input: [{ externalId: "i", channel: fax, occurredAt: "2024-01-01", text: "hi" }]) { accepted } }`);
    expect(enumRes.errors[0].message).toMatch(/fax/);
  });

  it('refuses times and numbers no record holds, item by item and row by row, and stores the rest', async () => {
    const before = await tableCounts(t.store);
    const line = { invoice: 'P1', customerExternalId: 'c-1', orderedAt: '2024-03-01T10:00:00Z', quantity: 1, unitPrice: 1 };
    const q = `mutation($input: [OrderInput!]!) { addOrders(input: $input) { ${RESULT} } }`;
    const res: any = await t.api.gql(q, {
      input: [
        { ...line, quantity: 1e308, unitPrice: 1e308 },
        { ...line, orderedAt: '9999-12-31' },
        { ...line, orderedAt: '0099-06-01' },
        { ...line, amount: 1e300 },
        line,
      ],
    });
    expect(res.data.addOrders.accepted).toBe(false);
    expect(res.data.addOrders.errors).toEqual([
      expect.objectContaining({ line: 1, field: 'quantity', message: 'quantity is too large (at most 1,000,000,000,000 either way)' }),
      expect.objectContaining({ line: 2, field: 'orderedAt', message: 'orderedAt is in the future' }),
      expect.objectContaining({ line: 3, field: 'orderedAt', message: 'orderedAt is before 1900' }),
      expect.objectContaining({ line: 4, field: 'amount' }),
    ]);
    const tie: any = await t.api.gql(`mutation { addRelationships(input: [{ source: "a", target: "b", kind: "follows", lastSeen: "9999-12-31" }]) { errors { field message } } }`);
    expect(tie.data.addRelationships.errors).toEqual([{ field: 'lastSeen', message: 'lastSeen is in the future' }]);
    expect(await tableCounts(t.store)).toEqual(before);

    const csv = 'invoice,customer_id,ordered_at,quantity,unit_price\nP2,p2,2024-04-01,1e200,1e200\nP3,p3,9999-12-31,1,1\nP4,p4,2024-04-01,1,3\n';
    const skipped = await upload('orders', 'orders.csv', csv, { skipInvalid: true });
    expect(skipped.data.importFile).toMatchObject({ accepted: true, inserted: 1, rejectedCount: 2 });
    expect(skipped.data.importFile.errors).toEqual([
      { line: 2, column: 4, field: 'quantity', message: 'quantity "1e200" is too large (at most 1,000,000,000,000 either way)' },
      { line: 3, column: 3, field: 'ordered_at', message: 'ordered_at "9999-12-31" is in the future' },
    ]);
  });

  it('refuses batches over 10,000 items with BATCH_TOO_LARGE', async () => {
    const input = Array.from({ length: 10_001 }, (_, i) => ({ externalId: `bulk-${i}` }));
    const res: any = await t.api.gql(`mutation($input: [CustomerInput!]!) { upsertCustomers(input: $input) { accepted } }`, { input });
    expect(res.errors[0].extensions.code).toBe('BATCH_TOO_LARGE');
  });

  it('adds interactions and relationships, creating the customers they name', async () => {
    const res: any = await t.api.gql(
      `mutation($i: [InteractionInput!]!, $r: [RelationshipInput!]!) {
        addInteractions(input: $i) { ${RESULT} }
        addRelationships(input: $r) { ${RESULT} }
      }`,
      {
        i: [{ externalId: 'msg-1', channel: 'email', occurredAt: '2024-03-03T09:00:00Z', text: 'Thanks, <b>great</b> service!', customerExternalId: 'c-9', author: 'Nine' }],
        r: [{ source: 'c-1', target: 'c-9', kind: 'referral', weight: 2 }, { source: 'c-9', target: 'c-10', kind: 'follows' }],
      },
    );
    expect(res.data.addInteractions).toMatchObject({ accepted: true, inserted: 1, customersCreated: 1 });
    expect(res.data.addRelationships).toMatchObject({ accepted: true, inserted: 2, customersCreated: 1 });
    const text: any = await t.api.gql(`{ interactions(first: 1, channel: email) { edges { node { text customer { externalId name } } } } }`);
    expect(text.data.interactions.edges[0].node).toEqual({ text: 'Thanks, <b>great</b> service!', customer: { externalId: 'c-9', name: 'Nine' } });
  });

  it('imports an uploaded file with the CLI readers, and refuses a bad one with lines named and nothing stored', async () => {
    const good = await upload('orders', 'orders.csv', 'invoice,customer_id,ordered_at,quantity,unit_price\nU1,u1,2024-04-01,1,3\nU2,u2,2024-04-02,2,4\n');
    expect(good.data.importFile).toMatchObject({ accepted: true, inserted: 2, customersCreated: 2, format: 'csv' });
    const before = await tableCounts(t.store);
    const bad = await upload('orders', 'orders.csv', 'invoice,customer_id,ordered_at,quantity,unit_price\nU3,u3,2024-04-01,1,3\nU4,u4,2024-04-02,two,4\n');
    expect(bad.data.importFile.accepted).toBe(false);
    expect(bad.data.importFile.errors).toEqual([expect.objectContaining({ line: 3, column: 4 })]);
    expect(await tableCounts(t.store)).toEqual(before);
    const skipped = await upload('orders', 'orders.csv', 'invoice,customer_id,ordered_at,quantity,unit_price\nU3,u3,2024-04-01,1,3\nU4,u4,2024-04-02,two,4\n', { skipInvalid: true });
    expect(skipped.data.importFile).toMatchObject({ accepted: true, inserted: 1, rejectedCount: 1 });
  });

  it('names the missing columns of a CSV upload of the wrong kind, and the format: argument for anything else', async () => {
    const orders = await upload('interactions', 'orders.csv', 'invoice,customer_id,ordered_at,quantity,unit_price\nU1,u1,2024-04-01,1,3\n');
    expect(orders.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', reason: 'UNKNOWN_FORMAT' } });
    expect(orders.errors[0].message).toMatch(/^orders\.csv looks like CSV, but it lacks the interactions columns? .*text/);
    expect(orders.errors[0].message).toMatch(/set importFile's format: argument to one of ONLINE_RETAIL, CDNOW, .*CSV, JSONL\.$/);
    const mystery = await upload('orders', 'notes.txt', 'just some words\nand more\n');
    expect(mystery.errors[0].message).toBe(
      "Could not tell the format of notes.txt from its header; set importFile's format: argument to one of ONLINE_RETAIL, CDNOW, AIRLINE_TWEETS, EDGELIST, CSV, JSONL.",
    );
    expect(JSON.stringify([orders, mystery])).not.toContain('--format');
  });

  it('answers an empty or binary upload with one sentence and a code', async () => {
    const empty = await upload('orders', 'empty.csv', '');
    expect(empty.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(empty.errors[0].message).toMatch(/empty\.csv.*empty/);
    const binary = await upload('orders', 'pic.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]));
    expect(binary.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    // Blank lines past what the reader sniffs: it was `accepted: false` with no errors and no reason.
    const blank = await upload('customers', 'blank.csv.gz', gzipSync(Buffer.concat([Buffer.from('external_id,name\n'), Buffer.alloc(1 << 20, 10)])));
    expect(blank.errors[0]).toMatchObject({ message: 'blank.csv.gz holds no rows to import.', extensions: { code: 'BAD_USER_INPUT', reason: 'EMPTY_FILE' } });
  });

  it('streams interactionAdded to subscribers of the tenant over SSE, filtered by channel', async () => {
    const abort = new AbortController();
    const res = await t.api.app.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: `subscription { interactionAdded(channel: chat) { externalId text channel } }` }),
      signal: abort.signal,
    });
    const reading = firstSseData(res);
    reading.catch(() => {});
    await new Promise((r) => setTimeout(r, 100));
    await t.api.gql(`mutation { addInteractions(input: [
      { externalId: "sse-1", channel: email, occurredAt: "2024-05-01", text: "not for chat" },
      { externalId: "sse-2", channel: chat, occurredAt: "2024-05-01", text: "hello from chat" }
    ]) { accepted } }`);
    const first = await reading;
    abort.abort();
    expect(JSON.parse(first)).toEqual({ data: { interactionAdded: { externalId: 'sse-2', text: 'hello from chat', channel: 'chat' } } });
  });
});
