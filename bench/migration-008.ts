/**
 * Migration 008 (mutual ties stored once) on a PGlite store holding 100,000 random colleague ties among 4,039
 * customers, about half of them stored the other way round: `npx tsx bench/migration-008.ts`.
 */
import { storeBefore } from '../tests/support/migrations';
const { store, migrateRest } = await storeBefore('008');
await store.query(`INSERT INTO tenants (id, name) VALUES ('t', 't')`);
await store.query(`INSERT INTO customers (tenant_id, external_id) SELECT 't', 'c' || g FROM generate_series(1, 4039) g`);
await store.query(`SELECT setseed(0.5)`);
await store.query(`INSERT INTO relationships (tenant_id, source_id, target_id, kind, weight)
  SELECT DISTINCT ON (s, t) 't', s, t, 'colleague', 1 FROM (
    SELECT CASE WHEN g % 2 = 0 THEN a ELSE b END AS s, CASE WHEN g % 2 = 0 THEN b ELSE a END AS t FROM (
      SELECT g, floor(random() * 4039)::int + 1 AS a, floor(random() * 4039)::int + 1 AS b FROM generate_series(1, 100000) g) x WHERE a < b) y
  ON CONFLICT DO NOTHING`);
const [{ n, reversed }] = await store.query<{ n: number; reversed: number }>(`SELECT count(*)::int AS n, count(*) FILTER (WHERE source_id > target_id)::int AS reversed FROM relationships`);
const t0 = performance.now();
await migrateRest();
console.log(`${n} ties, ${reversed} the other way round: migration 008 in ${((performance.now() - t0) / 1000).toFixed(2)} s (PGlite)`);
await store.close();
