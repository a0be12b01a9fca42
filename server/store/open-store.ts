import { migrate } from './migrate';
import { openPgliteStore } from './pglite-store';
import { openPostgresStore } from './postgres-store';
import type { ServedAdvice } from './data-lock';
import type { UpgradeListener } from './migrate';
import type { Store } from './store';

export interface OpenStoreOptions {
  /** A PostgreSQL URL; when set, PGlite is not used. */
  databaseUrl?: string;
  /** PGlite data directory; omitted (and no URL) means in memory. */
  dataDir?: string;
  role?: 'server' | 'cli';
  /** PGlite: what a refused command should do when a server holds the directory; by default, import through it. */
  whenServed?: ServedAdvice;
  /** Hears of each migration applied to an existing store, before and after (some take minutes on large stores). */
  onUpgrade?: UpgradeListener;
}

/** Opens the configured store and brings its schema up to date. */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const store = options.databaseUrl
    ? await openPostgresStore({ url: options.databaseUrl })
    : await openPgliteStore({ dir: options.dataDir, role: options.role, whenServed: options.whenServed });
  try {
    await migrate(store, { onUpgrade: options.onUpgrade });
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}
