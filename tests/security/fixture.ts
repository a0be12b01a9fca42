import { tenantIds } from '../../server/auth/global-ids';
import { createApp, type AppOptions } from '../../server/app';
import { createKey } from '../../server/auth/keys';
import { addOrigins, createTenant } from '../../server/auth/tenants';
import { signEmbedToken } from '../../server/auth/tokens';
import type { Store } from '../../server/store';
import { memoryPubSub } from '../../server/pubsub';

export const SECRET = 'test-secret-test-secret-test-secret-0123456789';
export const ORIGIN = { alpha: 'https://crm.alpha.test', beta: 'https://crm.beta.test' } as const;
export type Tenant = keyof typeof ORIGIN;

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

/** Two tenants with the same external ids (c1…c3, i1…i3, inv-1…), each with keys, origins and a token. */
export async function twoTenants(store: Store, options: Partial<AppOptions> = {}) {
  const pubsub = memoryPubSub();
  const app = createApp({
    store,
    pubsub,
    tokenSecret: SECRET,
    rateLimit: { keyRate: 1e6, keyBurst: 1e6, tokenRate: 1e6, tokenBurst: 1e6 },
    ...options,
  });
  const keys = {} as Record<Tenant, { read: string; write: string }>;
  /** The read key's id: the fixture's tokens name it as the key that minted them. */
  const readKeyIds = {} as Record<Tenant, string>;
  for (const tenant of ['alpha', 'beta'] as const) {
    await createTenant(store, tenant);
    await addOrigins(store, tenant, [ORIGIN[tenant]]);
    const read = await createKey(store, tenant, 'read');
    keys[tenant] = { read: read.key, write: (await createKey(store, tenant, 'write')).key };
    readKeyIds[tenant] = read.id;
  }

  async function call(credential: string | null, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const response = await app.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(credential ? { authorization: `Bearer ${credential}` } : {}), ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    return { status: response.status, headers: response.headers, text, json };
  }
  const gql = (credential: string | null, query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) =>
    call(credential, { query, variables }, headers);

  for (const tenant of ['alpha', 'beta'] as const) {
    const key = keys[tenant].write;
    const ids = ['c1', 'c2', 'c3'];
    await gql(key, `mutation($i: [CustomerInput!]!) { upsertCustomers(input: $i) { accepted } }`, {
      i: ids.map((id) => ({ externalId: id, name: `${tenant}-name-${id}`, email: `${id}@${tenant}.test` })),
    });
    await gql(key, `mutation($i: [OrderInput!]!) { addOrders(input: $i) { accepted } }`, {
      i: ids.flatMap((id, n) => [1, 2].map((k) => ({
        invoice: `inv-${n}-${k}`, lineNo: 1, customerExternalId: id, orderedAt: `2024-0${k}-1${n}T10:00:00Z`, quantity: k, unitPrice: 10 + n, product: `${tenant}-product`,
      }))),
    });
    await gql(key, `mutation($i: [InteractionInput!]!) { addInteractions(input: $i) { accepted } }`, {
      i: ids.map((id, n) => ({ externalId: `i${n + 1}`, channel: 'email', occurredAt: `2024-03-0${n + 1}T10:00:00Z`, text: `${tenant}-secret-text ${id}`, customerExternalId: id })),
    });
    await gql(key, `mutation($i: [RelationshipInput!]!) { addRelationships(input: $i) { accepted } }`, {
      i: [{ source: 'c1', target: 'c2', kind: 'follows' }, { source: 'c2', target: 'c3', kind: 'mentions' }],
    });
  }

  /** Store ids → global ids of a tenant's customers, read as the owner. */
  async function customerIds(tenant: Tenant): Promise<string[]> {
    const rows = await store.query<{ id: number }>(`SELECT id FROM customers WHERE tenant_id = $1 ORDER BY id`, [tenant]);
    const ids = await tenantIds(store, tenant);
    return rows.map((r) => ids.encode('Customer', r.id));
  }

  async function token(tenant: Tenant, grant: { origin?: string | null; customers?: string[] | null; ttl?: number; keyId?: string } = {}) {
    const origin = grant.origin === undefined ? ORIGIN[tenant] : grant.origin;
    const secret = new TextEncoder().encode(SECRET);
    const keyId = grant.keyId ?? readKeyIds[tenant];
    return (await signEmbedToken(secret, { tenant, keyId, origin, customers: grant.customers ?? null }, grant.ttl ?? 600)).token;
  }

  return { app, pubsub, keys, call, gql, customerIds, token };
}
