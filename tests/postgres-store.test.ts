import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, StoreError } from '../server/store';
import { migrate } from '../server/store/migrate';
import { openPostgresStore, redact } from '../server/store/postgres-store';
import { redactUrl } from '../server/redact-url';
import { withQueryTimeout } from '../server/store/query-timeout';
import { services } from './support/services';
import { startForwarder, startSilentListener, type TcpForwarder } from './support/tcp-forwarder';

const env = services('the PostgreSQL store tests', 'TEST_DATABASE_URL');
const admin = env?.TEST_DATABASE_URL ?? '';

/** Runs statements as the admin role of TEST_DATABASE_URL (only on scratch databases and roles of this file). */
async function asAdmin(...statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    for (const s of statements) await client.query(s);
  } finally {
    await client.end();
  }
}

const scratch: { databases: string[]; roles: string[] } = { databases: [], roles: [] };
const scratchName = (what: string) => `rapport_test_${what}_${process.pid}_${randomBytes(4).toString('hex')}`;

/** An empty database (no schema yet), dropped after the file; its URL for `user` (the admin's by default). */
async function emptyDatabase(owner?: string): Promise<string> {
  const name = scratchName('db');
  await asAdmin(`CREATE DATABASE ${name}${owner ? ` OWNER ${owner}` : ''}`);
  scratch.databases.push(name);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  if (owner) url.username = owner;
  return url.toString();
}

afterAll(async () => {
  if (!env) return;
  for (const db of scratch.databases) await asAdmin(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  for (const role of scratch.roles) await asAdmin(`DROP ROLE IF EXISTS ${role}`);
});

describe('redacting connection URLs', () => {
  it('masks passwords in the user part and in query parameters, and keeps the rest', () => {
    const shown = redact('postgres://u:pw1@127.0.0.1:4399/db?password=S3cretPw!&sslpassword=k3y&sslkey=/etc/k.pem&application_name=r');
    expect(shown).not.toMatch(/pw1|S3cretPw|k3y/);
    expect(shown).toContain('password=***');
    expect(shown).toContain('sslpassword=***');
    expect(shown).toContain('sslkey=%2Fetc%2Fk.pem');
    expect(shown).toContain('application_name=r');
    expect(redactUrl('redis://:hunter2@r:6379/0?auth_token=tok')).not.toMatch(/hunter2|=tok/);
    expect(redact('not a url S3cret')).toBe('the configured database');
  });
});

describe.skipIf(!env)('the PostgreSQL store', () => {
  it('never prints a password given as a query parameter when PostgreSQL cannot be reached', async () => {
    const closed = await startForwarder('postgres://127.0.0.1:1');
    await closed.refuse();
    const err = await openPostgresStore({ url: `postgres://u@127.0.0.1:${closed.port}/db?password=S3cretPw!` }).catch((e) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect(err.message).toContain(`Cannot reach PostgreSQL at postgres://u@127.0.0.1:${closed.port}/db?password=***`);
    expect(err.message).not.toContain('S3cretPw');
  });

  it('gives up on a server that accepts and never answers, with one sentence, within the connect timeout', async () => {
    const silent = await startSilentListener();
    const started = performance.now();
    const err = await openPostgresStore({ url: `postgres://u@127.0.0.1:${silent.port}/db`, connectTimeoutMs: 1000 }).catch((e) => e);
    await silent.close();
    expect(performance.now() - started).toBeLessThan(5000);
    expect(err).toBeInstanceOf(StoreError);
    expect(err.message).toBe(`Cannot reach PostgreSQL at postgres://u@127.0.0.1:${silent.port}/db: no answer within 1 s.`);
  }, 20_000);

  it('bounds statements run under withQueryTimeout when the server hangs mid-run, and recovers after', async () => {
    const fwd: TcpForwarder = await startForwarder(await emptyDatabase());
    const store = await openPostgresStore({ url: fwd.url, connectTimeoutMs: 1000 });
    try {
      await store.query('SELECT 1');
      fwd.hang();
      const started = performance.now();
      await expect(withQueryTimeout(500, () => store.query('SELECT 1'))).rejects.toThrow(/Query read timeout|timeout exceeded|Connection terminated/);
      await expect(withQueryTimeout(500, () => store.query('SELECT 1'))).rejects.toThrow();
      expect(performance.now() - started).toBeLessThan(5000);
      await fwd.restore();
      // The connection left behind by the timed-out statement was dropped, not handed out again.
      expect(await withQueryTimeout(2000, () => store.query<{ one: number }>('SELECT 1 AS one'))).toEqual([{ one: 1 }]);
    } finally {
      await store.close();
      await fwd.close();
    }
  }, 30_000);

  it('migrates a fresh database from four pools at once without a catalogue race (three rounds)', async () => {
    for (let round = 0; round < 3; round++) {
      const url = await emptyDatabase();
      const results = await Promise.allSettled([1, 2, 3, 4].map(() => openStore({ databaseUrl: url })));
      const failures = results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason));
      for (const r of results) if (r.status === 'fulfilled') await r.value.close();
      expect(failures).toEqual([]);
    }
  }, 120_000);

  describe('migration 004 with an owner that may not create roles', () => {
    it('runs when a DBA created rapport_app and granted it, also on a store left at 003 by the old text', async () => {
      const owner = scratchName('owner');
      await asAdmin(`CREATE ROLE ${owner} LOGIN NOSUPERUSER NOCREATEROLE`);
      scratch.roles.push(owner);
      // What the DBA does beforehand (roles are cluster-wide: rapport_app may exist from another database already).
      await asAdmin(`DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rapport_app') THEN CREATE ROLE rapport_app NOLOGIN; END IF; END $$`, `GRANT rapport_app TO ${owner}`);
      const url = await emptyDatabase(owner);
      const old = await openPostgresStore({ url });
      await migrate(old, { before: '004' });
      await old.close();
      const store = await openStore({ databaseUrl: url });
      try {
        const versions = await store.query<{ version: string }>(`SELECT version FROM schema_migrations ORDER BY version`);
        expect(versions.map((v) => v.version)).toContain('004_row_security');
        expect(versions.at(-1)!.version).toBe('008_mutual_ties_once');
        // Tenant requests switch to rapport_app: the owner must be able to.
        expect(await store.forTenant('t1').query(`SELECT current_user AS who`)).toEqual([{ who: 'rapport_app' }]);
      } finally {
        await store.close();
      }
    });

    it('says what the DBA must do when the owner is not a member of rapport_app and may not grant it', async () => {
      const owner = scratchName('owner');
      await asAdmin(`CREATE ROLE ${owner} LOGIN NOSUPERUSER NOCREATEROLE`);
      scratch.roles.push(owner);
      await asAdmin(`DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rapport_app') THEN CREATE ROLE rapport_app NOLOGIN; END IF; END $$`);
      const url = await emptyDatabase(owner);
      const err = await openStore({ databaseUrl: url }).catch((e) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect(err.message).toContain('Migration 004_row_security.sql failed');
      expect(err.message).toContain(`have a superuser run GRANT rapport_app TO ${owner}`);
    });
  });
});
