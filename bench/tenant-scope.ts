/**
 * Cost of the tenant scope (row-level security, server/store/tenant-scope.ts): the same indexed lookup through the
 * owner store and through `store.forTenant(t)`, on PGlite and (with DATABASE_URL) PostgreSQL. On PostgreSQL the
 * scope is set once per pooled connection and tenant, so alternating tenants is measured too (one extra round
 * trip per switch). Prints ms per query and the ratio, measured in the same run.
 */
import { openStore, type Store } from '../server/store';

const N = Number(process.env.N ?? 3000);
const SQL = `SELECT id, name FROM customers WHERE tenant_id = $1 AND id = $2`;

async function seed(store: Store) {
  for (const t of ['a', 'b']) {
    await store.query(`INSERT INTO tenants (id, name) VALUES ($1, $1) ON CONFLICT DO NOTHING`, [t]);
    await store.query(`INSERT INTO customers (tenant_id, external_id, name) SELECT $1, 'c' || g, 'n' || g FROM generate_series(1, 1000) g ON CONFLICT DO NOTHING`, [t]);
  }
  return (await store.query<{ id: number }>(`SELECT id FROM customers WHERE tenant_id = 'a' LIMIT 1`))[0]!.id;
}

async function time(run: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 200; i++) await run(i); // warm-up
  const start = performance.now();
  for (let i = 0; i < N; i++) await run(i);
  return (performance.now() - start) / N;
}

async function bench(name: string, store: Store) {
  const id = await seed(store);
  const owner = await time(() => store.query(SQL, ['a', id]));
  const scoped = await time(() => store.forTenant('a').query(SQL, ['a', id]));
  const alternating = await time((i) => store.forTenant(i % 2 ? 'a' : 'b').query(SQL, [i % 2 ? 'a' : 'b', id]));
  const f = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;
  console.log(`${name.padEnd(10)} owner ${f(owner)}  scoped ${f(scoped)} (×${(scoped / owner).toFixed(2)})  alternating tenants ${f(alternating)} (×${(alternating / owner).toFixed(2)})`);
}

const pglite = await openStore();
await bench('pglite', pglite);
await pglite.close();
if (process.env.DATABASE_URL) {
  const pg = await openStore({ databaseUrl: process.env.DATABASE_URL });
  await bench('postgres', pg);
  await pg.query(`DELETE FROM customers WHERE tenant_id IN ('a', 'b')`);
  await pg.query(`DELETE FROM tenants WHERE id IN ('a', 'b')`);
  await pg.close();
}
