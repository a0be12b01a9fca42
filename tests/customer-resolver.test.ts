import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTenant } from '../server/ingest/import-rows';
import { CustomerResolver } from '../server/ingest/load/customers';
import type { Store } from '../server/store';
import { storeCases } from './support/stores';

const wanted = (...ids: string[]) => new Map(ids.map((id) => [id, { name: `name ${id}`, country: 'PT' }]));

describe.each(storeCases())('CustomerResolver on $name', ({ open }) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
  });
  afterAll(() => store?.close());

  const stored = (tenant: string, db: Pick<Store, 'query'> = store) =>
    db.query<{ id: number; external_id: string; name: string | null }>(
      `SELECT id, external_id, name FROM customers WHERE tenant_id = $1 ORDER BY id`,
      [tenant],
    );

  // preloadMax 0 forces the lookup path for any tenant that already has a customer.
  for (const preloadMax of [200_000, 0]) {
    it(`creates each customer once, in first-appearance order, and finds existing ones (preloadMax ${preloadMax})`, async () => {
      const tenant = `t${preloadMax}`;
      await store.transaction(async (tx) => {
        await ensureTenant(tx, tenant);
        const first = new CustomerResolver(tx, tenant, preloadMax);
        await first.resolve(wanted('b', 'a'));
        expect(first.created).toBe(2);
      });
      await store.transaction(async (tx) => {
        const resolver = new CustomerResolver(tx, tenant, preloadMax);
        // Two batches prepared before either creates: the second must not take the first one's new customers.
        await Promise.all([resolver.prepare(wanted('a', 'c', 'd')), resolver.prepare(wanted('d', 'e', 'b'))]);
        await resolver.createQueued();
        expect(resolver.created).toBe(3);
        const ids = Object.fromEntries((await stored(tenant, tx)).map((r) => [r.external_id, r.id]));
        for (const id of ['a', 'b', 'c', 'd', 'e']) expect(resolver.get(id)).toBe(ids[id]);
      });
      const rows = await stored(tenant);
      expect(rows.map((r) => r.external_id)).toEqual(['b', 'a', 'c', 'd', 'e']);
      expect(rows[2]!.name).toBe('name c');
    });
  }

  it('creates nothing when the transaction that prepared the customers is rolled back', async () => {
    await expect(
      store.transaction(async (tx) => {
        await ensureTenant(tx, 'rolled');
        await new CustomerResolver(tx, 'rolled').resolve(wanted('x', 'y'));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await stored('rolled')).toEqual([]);
  });
});
