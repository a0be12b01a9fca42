import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedOperations } from '../../server/auth/embed-operations';
import { KEY_STATUS_TTL_MS } from '../../server/auth/key-status';
import { createKey, revokeKey } from '../../server/auth/keys';
import { signEmbedToken } from '../../server/auth/tokens';
import type { Store } from '../../server/store';
import { WIDGET_OPERATION_NAMES } from '../../widgets/operation-names';
import { widgetOperations } from '../../widgets/operations';
import { storeCases } from '../support/stores';
import { ORIGIN, SECRET, twoTenants, type Reply } from './fixture';

const CUSTOMERS = embedOperations().find((o) => o.name === 'Customers')!.document;
const CUSTOMER = embedOperations().find((o) => o.name === 'Customer')!.document;

describe.each(storeCases())('credentials on $name', ({ open }) => {
  let store: Store;
  let t: Awaited<ReturnType<typeof twoTenants>>;

  beforeAll(async () => {
    store = await open();
    t = await twoTenants(store);
  });
  afterAll(() => store?.close());

  /** The refusal has the status and code, no data, and never repeats the credential. */
  const refused = (res: Reply, status: number, code: string, secret?: string) => {
    expect(res.status).toBe(status);
    expect(res.json?.errors?.[0]?.extensions?.code).toBe(code);
    expect(res.json?.data ?? null).toBeNull();
    if (secret) {
      expect(res.text).not.toContain(secret);
      expect(res.text).not.toContain(secret.slice(-20));
      expect([...res.headers.values()].join(' ')).not.toContain(secret.slice(-20));
    }
  };

  it('accepts a key, a token, and nothing else', async () => {
    expect((await t.gql(t.keys.alpha.read, `{ customers { totalCount } }`)).json.data.customers.totalCount).toBe(3);
    const token = await t.token('alpha');
    expect((await t.gql(token, CUSTOMERS, {}, { origin: ORIGIN.alpha })).json.data.customers.totalCount).toBe(3);
  });

  it('refuses missing, malformed and unknown credentials with 401 UNAUTHENTICATED', async () => {
    refused(await t.gql(null, `{ customers { totalCount } }`), 401, 'UNAUTHENTICATED');
    refused(await t.call(null, { query: '{ __typename }' }, { authorization: 'Basic dXNlcjpwYXNz' }), 401, 'UNAUTHENTICATED', 'dXNlcjpwYXNz');
    refused(await t.call(null, { query: '{ __typename }' }, { authorization: 'Bearer' }), 401, 'UNAUTHENTICATED');
    const forged = `rpk_${'a'.repeat(12)}_${'b'.repeat(43)}`;
    refused(await t.gql(forged, `{ customers { totalCount } }`), 401, 'UNAUTHENTICATED', forged);
    const truncated = t.keys.alpha.read.slice(0, -1);
    refused(await t.gql(truncated, `{ customers { totalCount } }`), 401, 'UNAUTHENTICATED', truncated);
    refused(await t.gql('not-a-credential', `{ customers { totalCount } }`), 401, 'UNAUTHENTICATED', 'not-a-credential');
    const token = await t.token('alpha');
    const tampered = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    refused(await t.gql(tampered, CUSTOMERS, {}, { origin: ORIGIN.alpha }), 401, 'UNAUTHENTICATED', tampered);
  });

  it('refuses an expired token and a revoked key', async () => {
    const expired = await t.token('alpha', { ttl: 1 });
    await new Promise((r) => setTimeout(r, 2100));
    const res = await t.gql(expired, CUSTOMERS, {}, { origin: ORIGIN.alpha });
    refused(res, 401, 'UNAUTHENTICATED', expired);
    expect(res.json.errors[0].message).toMatch(/expired/);
    const { id, key } = await createKey(store, 'alpha', 'write');
    expect((await t.gql(key, `{ customers { totalCount } }`)).status).toBe(200);
    await revokeKey(store, id);
    const revoked = await t.gql(key, `{ customers { totalCount } }`);
    refused(revoked, 401, 'UNAUTHENTICATED', key);
    expect(revoked.json.errors[0].message).toMatch(/revoked/);
  });

  it('recalls the embed tokens of a revoked key, on this instance at once and on others within the status TTL', async () => {
    const { id, key } = await createKey(store, 'alpha', 'read');
    const mint = async () =>
      (await t.gql(key, `mutation($o: String) { createEmbedToken(origin: $o, ttlSeconds: 600) { token } }`, { o: ORIGIN.alpha })).json.data.createEmbedToken.token as string;
    const token = await mint();
    expect((await t.gql(token, CUSTOMERS, {}, { origin: ORIGIN.alpha })).status).toBe(200);
    await revokeKey(store, id);
    const res = await t.gql(token, CUSTOMERS, {}, { origin: ORIGIN.alpha });
    refused(res, 401, 'UNAUTHENTICATED', token);
    expect(res.json.errors[0].message).toMatch(/rpk_\w+ that minted this embed token was revoked/);

    // Revoked elsewhere (another instance, or `rapport key revoke` beside the server): this instance has the key
    // cached as live, and must stop accepting the token once that answer is older than the TTL.
    const other = await createKey(store, 'alpha', 'read');
    const { token: second } = await signEmbedToken(new TextEncoder().encode(SECRET), { tenant: 'alpha', keyId: other.id, origin: ORIGIN.alpha });
    expect((await t.gql(second, CUSTOMERS, {}, { origin: ORIGIN.alpha })).status).toBe(200);
    await store.query(`UPDATE api_keys SET revoked_at = now() WHERE id = $1`, [other.id]);
    await new Promise((r) => setTimeout(r, KEY_STATUS_TTL_MS + 100));
    refused(await t.gql(second, CUSTOMERS, {}, { origin: ORIGIN.alpha }), 401, 'UNAUTHENTICATED', second);
  });

  it('refuses a token naming a key that does not exist, or another tenant\'s key, and dev-minted tokens outside dev mode', async () => {
    const secret = new TextEncoder().encode(SECRET);
    const unknown = (await signEmbedToken(secret, { tenant: 'alpha', keyId: 'zzzzzzzzzzzz', origin: ORIGIN.alpha })).token;
    refused(await t.gql(unknown, CUSTOMERS, {}, { origin: ORIGIN.alpha }), 401, 'UNAUTHENTICATED', unknown);
    const betaKey = await createKey(store, 'beta', 'read');
    const crossed = (await signEmbedToken(secret, { tenant: 'alpha', keyId: betaKey.id, origin: ORIGIN.alpha })).token;
    refused(await t.gql(crossed, CUSTOMERS, {}, { origin: ORIGIN.alpha }), 401, 'UNAUTHENTICATED', crossed);
    const dev = (await signEmbedToken(secret, { tenant: 'alpha', keyId: 'dev', origin: ORIGIN.alpha })).token;
    refused(await t.gql(dev, CUSTOMERS, {}, { origin: ORIGIN.alpha }), 401, 'UNAUTHENTICATED', dev);
  });

  it('holds a token to its origin and to the tenant\'s allowed origins', async () => {
    const bound = await t.token('alpha');
    refused(await t.gql(bound, CUSTOMERS, {}, { origin: 'https://evil.test' }), 403, 'FORBIDDEN', bound);
    refused(await t.gql(bound, CUSTOMERS, {}, { origin: ORIGIN.beta }), 403, 'FORBIDDEN', bound);
    refused(await t.gql(bound, CUSTOMERS), 403, 'FORBIDDEN', bound);
    const unbound = await t.token('alpha', { origin: null });
    refused(await t.gql(unbound, CUSTOMERS, {}, { origin: 'https://evil.test' }), 403, 'FORBIDDEN', unbound);
    expect((await t.gql(unbound, CUSTOMERS, {}, { origin: ORIGIN.alpha })).status).toBe(200);
  });

  it('lets a token run only allow-listed operations, read-only, within its customers', async () => {
    const token = await t.token('alpha');
    const h = { origin: ORIGIN.alpha };
    refused(await t.gql(token, `{ customers { totalCount edges { node { email } } } }`, {}, h), 403, 'OPERATION_NOT_ALLOWED', token);
    refused(await t.gql(token, `mutation { upsertCustomers(input: [{ externalId: "x" }]) { accepted } }`, {}, h), 403, 'OPERATION_NOT_ALLOWED', token);
    refused(await t.gql(token, `mutation { createEmbedToken { token } }`, {}, h), 403, 'OPERATION_NOT_ALLOWED', token);
    // By hash alone, as a persisted query.
    const hash = embedOperations().find((o) => o.name === 'Customers')!.sha256;
    const byHash = await t.call(token, { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }, h);
    expect(byHash.json.data.customers.totalCount).toBe(3);
    // Bound to one customer: that customer only, and no lists of all of them.
    const [mine, other] = await t.customerIds('alpha');
    const one = await t.token('alpha', { customers: [mine!] });
    expect((await t.gql(one, CUSTOMER, { id: mine }, h)).json.data.customer.name).toBe('alpha-name-c1');
    refused(await t.gql(one, CUSTOMER, { id: other }, h), 403, 'FORBIDDEN', one);
    refused(await t.gql(one, CUSTOMERS, {}, h), 403, 'FORBIDDEN', one);
    // The feed's trend is statistics by day; by customer it would list every customer's sentiment.
    const trend = widgetOperations().find((op) => op.document.includes('query RapportFeedTrend('))!.document;
    expect((await t.gql(one, trend, { groupBy: 'DAY' }, h)).json.data.sentimentSummary.length).toBeGreaterThan(0);
    refused(await t.gql(one, trend, { groupBy: 'CUSTOMER' }, h), 403, 'FORBIDDEN', one);
    expect((await t.gql(token, trend, { groupBy: 'CUSTOMER' }, h)).json.data.sentimentSummary).toHaveLength(3);
  });

  it('holds a token minted for some operations to those: a customer page without the customer\'s neighbourhood', async () => {
    const h = { origin: ORIGIN.alpha };
    const [mine] = await t.customerIds('alpha');
    const mint = (operations: string[]) =>
      t.gql(t.keys.alpha.read, `mutation($o: String, $c: [ID!], $ops: [String!]) { createEmbedToken(origin: $o, customers: $c, operations: $ops) { token } }`, { o: ORIGIN.alpha, c: [mine], ops: operations });
    const token = (await mint(['Customer', 'Customer', 'RapportFeed'])).json.data.createEmbedToken.token as string;
    expect((await t.gql(token, CUSTOMER, { id: mine }, h)).json.data.customer.name).toBe('alpha-name-c1');
    // The ego network names other customers; both its documents are refused, with what the token may run.
    const ego = embedOperations().find((o) => o.name === 'EgoNetwork')!.document;
    const widgetEgo = widgetOperations().find((op) => op.document.includes('query RapportEgo('))!.document;
    for (const document of [ego, widgetEgo]) {
      const res = await t.gql(token, document, { customer: mine, id: mine }, h);
      refused(res, 403, 'OPERATION_NOT_ALLOWED', token);
      expect(res.json.errors[0].message).toMatch(/^This embed token may run only Customer, RapportFeed; not (EgoNetwork|RapportEgo)\.$/);
    }
    // The same customer-bound token without `operations` still reaches the ego network.
    expect((await t.gql(await t.token('alpha', { customers: [mine!] }), widgetEgo, { id: mine }, h)).status).toBe(200);
    // Names are checked when the token is minted.
    const bad = await mint(['Customer', 'DropTables']);
    expect(bad.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.json.errors[0].message).toMatch(/^"DropTables" is not an embed operation; they are: RfmSegments, Cohorts, Customers, Customer, .*RapportExplain\.$/);
    expect((await mint([])).json.errors[0].message).toMatch(/^operations must name at least one of: RfmSegments/);
  });

  it("runs each widget's documents with a token minted for that widget's operation names only (what getToken is told)", async () => {
    const [customer] = await t.customerIds('alpha');
    const variables = { id: customer, groupBy: 'DAY', texts: ['great service'], first: 20 };
    const h = { origin: ORIGIN.alpha };
    const queries = widgetOperations().filter((op) => op.document.trimStart().startsWith('query'));
    for (const [widget, operations] of Object.entries(WIDGET_OPERATION_NAMES)) {
      const minted = await t.gql(t.keys.alpha.read, `mutation($o: String, $ops: [String!]) { createEmbedToken(origin: $o, operations: $ops) { token } }`, { o: ORIGIN.alpha, ops: operations });
      const token = minted.json.data.createEmbedToken.token as string;
      for (const op of queries) {
        const res = await t.gql(token, op.document, variables, h);
        const codes = (res.json?.errors ?? []).map((e: { extensions?: { code?: string } }) => e.extensions?.code);
        // Own documents pass the credential checks (the generic variables may not suit each: BAD_USER_INPUT is fine).
        if (op.widget === widget) {
          expect({ widget, status: res.status, codes }).toEqual({ widget, status: 200, codes: expect.not.arrayContaining(['OPERATION_NOT_ALLOWED', 'FORBIDDEN', 'UNAUTHENTICATED']) });
        }
        else expect({ widget, other: op.widget, status: res.status, codes }).toEqual({ widget, other: op.widget, status: 403, codes: ['OPERATION_NOT_ALLOWED'] });
      }
    }
  });

  it('lets a token run every query the widgets send, as the widgets send it', async () => {
    const token = await t.token('alpha');
    const [customer] = await t.customerIds('alpha');
    const variables = { id: customer, groupBy: 'DAY', texts: ['great service'], first: 20 };
    const queries = widgetOperations().filter((op) => op.document.trimStart().startsWith('query'));
    expect(queries.length).toBeGreaterThan(10);
    for (const { document } of queries) {
      const res = await t.gql(token, document, variables, { origin: ORIGIN.alpha });
      const codes = (res.json?.errors ?? []).map((e: { extensions?: { code?: string } }) => e.extensions?.code);
      expect({ document, status: res.status, codes }).toEqual({ document, status: 200, codes: expect.not.arrayContaining(['OPERATION_NOT_ALLOWED', 'FORBIDDEN', 'UNAUTHENTICATED']) });
    }
    // The segment map and the feed's page, in full: data comes back for the token's tenant.
    const rfm = await t.gql(token, queries[0]!.document, {}, { origin: ORIGIN.alpha });
    expect(rfm.json.data.rfm.customerCount).toBe(3);
    const feed = widgetOperations().find((op) => op.document.includes('query RapportFeed('))!;
    const page = await t.gql(token, feed.document, { first: 10 }, { origin: ORIGIN.alpha });
    expect(page.json.data.interactions.edges.map((e: any) => e.node.text).sort()).toEqual(['alpha-secret-text c1', 'alpha-secret-text c2', 'alpha-secret-text c3']);
  });

  it('needs a write key for writes: read keys get 403 FORBIDDEN and change nothing', async () => {
    const key = t.keys.alpha.read;
    const res = await t.gql(key, `mutation { upsertCustomers(input: [{ externalId: "c9" }]) { accepted } }`);
    refused(res, 403, 'FORBIDDEN', key);
    expect(await store.query(`SELECT 1 FROM customers WHERE external_id = 'c9'`)).toEqual([]);
    const minted = await t.gql(key, `mutation($o: String) { createEmbedToken(origin: $o, ttlSeconds: 60) { token expiresAt } }`, { o: ORIGIN.alpha });
    expect(minted.json.data.createEmbedToken.token).toMatch(/^ey/);
    const bad = await t.gql(key, `mutation { createEmbedToken(origin: "https://evil.test") { token } }`);
    expect(bad.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const long = await t.gql(key, `mutation { createEmbedToken(ttlSeconds: 3600) { token } }`);
    expect(long.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('answers CORS with the tenant\'s origins only', async () => {
    const ok = await t.gql(t.keys.alpha.read, `{ customers { totalCount } }`, {}, { origin: ORIGIN.alpha });
    expect(ok.headers.get('access-control-allow-origin')).toBe(ORIGIN.alpha);
    const other = await t.gql(t.keys.alpha.read, `{ customers { totalCount } }`, {}, { origin: ORIGIN.beta });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await t.app.fetch('http://yoga/graphql', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.test', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });
});
