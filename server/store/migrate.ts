import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { StoreError, type Store } from './store';

/** The advisory lock every step of `migrate` takes first, so servers starting together apply each migration once. */
const MIGRATION_LOCK = 7406155;
const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** A migration applied to a store that already had a schema: before it (`seconds` absent) and after. */
export type UpgradeListener = (event: { version: string; seconds?: number }) => void;

export interface MigrateOptions {
  /** Hears of migrations applied to an existing store (some rewrite large tables), not of those that create one. */
  onUpgrade?: UpgradeListener;
  /** Only the migrations named before this (e.g. '007'): a store as an older release left it, for tests and benches. */
  before?: string;
}

/**
 * Applies `migrations/*.sql` in name order, each in its own transaction, recording each in `schema_migrations`.
 * Idempotent; an advisory lock, taken before anything else (even creating `schema_migrations`), keeps servers
 * starting together on one PostgreSQL from racing.
 */
export async function migrate(store: Store, { onUpgrade, before }: MigrateOptions = {}): Promise<string[]> {
  // Under the lock too: two servers creating schema_migrations at once on an empty database collide in the
  // catalogue (`pg_type_typname_nsp_index`) despite IF NOT EXISTS, and `upgrading` must see finished work only.
  const upgrading = await store.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const [existing] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM schema_migrations`);
    return existing!.n > 0;
  });
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql') && (before === undefined || f < before)).sort();
  const applied: string[] = [];
  for (const file of files) {
    const version = path.basename(file, '.sql');
    const sql = await readFile(path.join(MIGRATIONS_DIR, file), 'utf8');
    const start = performance.now();
    const done = await store.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
      const seen = await tx.query(`SELECT 1 FROM schema_migrations WHERE version = $1`, [version]);
      if (seen.length) return false;
      if (upgrading) onUpgrade?.({ version });
      try {
        for (const statement of splitStatements(sql)) await tx.query(statement);
      } catch (err) {
        throw new StoreError(`Migration ${file} failed: ${(err as Error).message}`, 'STORE_MIGRATION_FAILED');
      }
      await tx.query(`INSERT INTO schema_migrations (version) VALUES ($1)`, [version]);
      return true;
    });
    if (done) applied.push(version);
    if (done && upgrading) onUpgrade?.({ version, seconds: (performance.now() - start) / 1000 });
  }
  return applied;
}

/** Migrations are plain SQL without dollar-quoted bodies, so statements split on `;` at line ends. */
function splitStatements(sql: string): string[] {
  return sql
    .replace(/--[^\n]*/g, '')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}
