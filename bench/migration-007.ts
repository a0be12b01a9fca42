/**
 * How long upgrading a full store takes: migration 007 (per-tenant `Interaction.sequence`) rewrites every
 * interaction. Fills a store migrated up to 006 with N interactions of 10 tenants (interleaved, by SQL), then times
 * the rest of the migrations. PGlite in memory, and PostgreSQL with DATABASE_URL (a scratch database, dropped after).
 *
 *   N=300000 npx tsx bench/migration-007.ts
 *   N=1000000 DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/migration-007.ts
 */
import pg from 'pg';
import type { Store } from '../server/store';
import { migrate } from '../server/store/migrate';
import { openPgliteStore } from '../server/store/pglite-store';
import { openPostgresStore } from '../server/store/postgres-store';

const N = Number(process.env.N ?? 300_000);

async function timeUpgrade(name: string, store: Store): Promise<void> {
  await migrate(store, { before: '007' });
  await store.query(
    `INSERT INTO interactions (tenant_id, external_id, channel, occurred_at, text)
     SELECT 't' || (g % 10), 'x' || g, 'chat', now() - g * interval '1 minute', 'a customer wrote this, number ' || g
     FROM generate_series(1, ${N}) g`,
  );
  const start = performance.now();
  const applied = await migrate(store);
  console.log(`${name.padEnd(9)} ${N.toLocaleString('en')} interactions: ${applied.join(', ')} in ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

const pglite = await openPgliteStore({});
await timeUpgrade('pglite', pglite).finally(() => pglite.close());

const url = process.env.DATABASE_URL;
if (url) {
  const name = `rapport_bench_migration_${process.pid}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const store = await openPostgresStore({ url: target.toString() });
  try {
    await timeUpgrade('postgres', store);
  } finally {
    await store.close();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}
