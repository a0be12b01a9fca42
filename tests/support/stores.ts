import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store } from '../../server/store';

export interface StoreCase {
  name: 'pglite' | 'postgres';
  open(): Promise<Store>;
}

/**
 * The stores every integration suite runs against: PGlite in memory always, and PostgreSQL when
 * TEST_DATABASE_URL is set (always in CI, where its absence is an error, not a skip). Each PostgreSQL store is a
 * fresh database, dropped when the store closes, so suites never see each other's rows.
 */
export function storeCases(): StoreCase[] {
  const url = process.env.TEST_DATABASE_URL;
  if (!url && process.env.CI) throw new Error('TEST_DATABASE_URL must be set in CI: the PostgreSQL store is tested there.');
  if (!url) console.warn('TEST_DATABASE_URL is not set: skipping the PostgreSQL store (PGlite only).');
  const cases: StoreCase[] = [{ name: 'pglite', open: () => openStore() }];
  if (url) cases.push({ name: 'postgres', open: () => openFreshPostgres(url) });
  return cases;
}

export async function openFreshPostgres(url: string): Promise<Store> {
  const name = `rapport_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: target.toString() });
  const close = store.close.bind(store);
  return Object.assign(store, {
    async close() {
      await close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  });
}

/** A store that counts the queries made through it (transactions count their statements too). */
export function countingStore(store: Store): Store & { count: number } {
  const counted = Object.create(store) as Store & { count: number };
  counted.count = 0;
  counted.query = (sql, params) => {
    counted.count++;
    return store.query(sql, params);
  };
  // Requests read through the tenant's scoped store: count those statements too.
  counted.forTenant = (tenant) => {
    const scoped = Object.create(store.forTenant(tenant)) as Store;
    scoped.query = (sql, params) => {
      counted.count++;
      return store.forTenant(tenant).query(sql, params);
    };
    return scoped;
  };
  return counted;
}
