import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createKey } from '../../server/auth/keys';
import { createTenant } from '../../server/auth/tenants';
import { openStore } from '../../server/store';

/**
 * The outside services a suite needs, from the environment. In CI (where PostgreSQL and Redis run) a missing one
 * is an error, never a silent skip; on a developer's machine the suite is skipped with a message.
 */
export function services<K extends 'REDIS_URL' | 'TEST_DATABASE_URL'>(suite: string, ...names: K[]): Record<K, string> | null {
  const missing = names.filter((n) => !process.env[n]);
  if (missing.length && process.env.CI) throw new Error(`${missing.join(' and ')} must be set in CI: ${suite} runs there.`);
  if (missing.length) {
    console.warn(`${missing.join(' and ')} not set: skipping ${suite}.`);
    return null;
  }
  return Object.fromEntries(names.map((n) => [n, process.env[n]!])) as Record<K, string>;
}

/** A fresh, migrated PostgreSQL database for server processes to share; `drop()` removes it. */
export async function freshDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `rapport_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(adminUrl);
  target.pathname = `/${name}`;
  const url = target.toString();
  // Migrate once here, so several servers starting together do not race to create the schema.
  await (await openStore({ databaseUrl: url })).close();
  return {
    url,
    async drop() {
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** Creates `tenant` in the database at `url` with a read key, and returns the key. */
export async function tenantWithReadKey(url: string, tenant: string): Promise<string> {
  const store = await openStore({ databaseUrl: url });
  try {
    await createTenant(store, tenant);
    return (await createKey(store, tenant, 'read')).key;
  } finally {
    await store.close();
  }
}
