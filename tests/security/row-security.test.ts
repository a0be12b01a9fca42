import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRows } from '../../server/ingest/import-rows';
import type { Store } from '../../server/store';
import { storeCases } from '../support/stores';

async function* rows<T>(items: T[]) {
  for (const [i, record] of items.entries()) yield { line: i + 1, record };
}

describe.each(storeCases())('row-level security on $name', ({ open }) => {
  let store: Store;

  beforeAll(async () => {
    store = await open();
    for (const tenant of ['alpha', 'beta']) {
      await importRows(store, 'customers', rows([{ externalId: 'c1', name: `${tenant} one` }, { externalId: 'c2', name: `${tenant} two` }]) as never, { tenant });
      await importRows(store, 'interactions', rows([{ externalId: 'i1', channel: 'email', occurredAt: new Date('2024-01-01'), text: `${tenant} says hi`, customerExternalId: 'c1' }]) as never, { tenant });
    }
  });
  afterAll(() => store?.close());

  it('hides every other tenant from a scoped connection, even without a WHERE tenant_id', async () => {
    const alpha = store.forTenant('alpha');
    const names = await alpha.query<{ name: string; tenant_id: string }>(`SELECT tenant_id, name FROM customers ORDER BY name`);
    expect(names.map((r) => r.tenant_id)).toEqual(['alpha', 'alpha']);
    const texts = await alpha.query<{ text: string }>(`SELECT text FROM interactions`);
    expect(texts.map((r) => r.text)).toEqual(['alpha says hi']);
    expect(await alpha.query(`SELECT * FROM tenants WHERE id = 'beta'`)).toEqual([]);
    expect(await alpha.query(`SELECT * FROM customers WHERE tenant_id = 'beta'`)).toEqual([]);
    // The owner connection still sees both (migrations, the CLI).
    expect((await store.query(`SELECT DISTINCT tenant_id FROM customers ORDER BY 1`)).map((r) => r.tenant_id)).toEqual(['alpha', 'beta']);
  });

  it('refuses writes into another tenant, in a query and in a transaction', async () => {
    const alpha = store.forTenant('alpha');
    await expect(alpha.query(`INSERT INTO customers (tenant_id, external_id) VALUES ('beta', 'x')`)).rejects.toThrow(/row-level security/);
    await expect(alpha.transaction((tx) => tx.query(`UPDATE customers SET name = 'pwned' WHERE tenant_id = 'beta' RETURNING id`))).resolves.toEqual([]);
    await expect(alpha.transaction((tx) => tx.copyIn('relationships', ['tenant_id', 'source_id', 'target_id', 'kind'], 'beta\t1\t2\tfollows\n'))).rejects.toThrow(/another tenant/);
    expect((await store.query(`SELECT count(*)::int AS n FROM customers WHERE name = 'pwned'`))[0]!.n).toBe(0);
  });

  it('leaves no scope behind on the connection for the owner or the next tenant', async () => {
    for (let i = 0; i < 5; i++) {
      const [a] = await store.forTenant('alpha').query<{ n: number }>(`SELECT count(*)::int AS n FROM customers`);
      const [b] = await store.forTenant('beta').query<{ n: number }>(`SELECT count(*)::int AS n FROM customers`);
      const [all] = await store.query<{ n: number; who: string }>(`SELECT count(*)::int AS n, current_user AS who FROM customers`);
      expect([a!.n, b!.n, all!.n]).toEqual([2, 2, 4]);
      expect(all!.who).not.toBe('rapport_app');
    }
  });

  it('imports through a scoped store (COPY checked, then run as the owner)', async () => {
    const beta = store.forTenant('beta');
    await importRows(beta, 'relationships', rows([{ sourceExternalId: 'c1', targetExternalId: 'c2', kind: 'follows', weight: 1 }]) as never, { tenant: 'beta' });
    expect(await beta.query(`SELECT tenant_id FROM relationships`)).toEqual([{ tenant_id: 'beta' }]);
    await expect(importRows(beta, 'customers', rows([{ externalId: 'z' }]) as never, { tenant: 'alpha' })).rejects.toThrow();
  });

  it('puts every table with a tenant_id under a policy (new tables need one too)', async () => {
    const unguarded = await store.query<{ table: string }>(
      `SELECT c.relname AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r'
         AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname IN ('tenant_id') AND NOT a.attisdropped)
         AND (NOT c.relrowsecurity OR NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid))`,
    );
    expect(unguarded).toEqual([]);
  });
});
