import path from 'node:path';
import type { OpenStoreOptions } from '../store';
import type { UpgradeListener } from '../store/migrate';
import { UsageError } from './fail';

export interface StoreFlags {
  data?: string;
  databaseUrl?: string;
}

/** Upgrades can rewrite large tables (docs/store.md, "Upgrading"): say so, rather than sit silent for a minute. */
const onUpgrade: UpgradeListener = ({ version, seconds }) =>
  console.error(seconds === undefined ? `rapport: upgrading the store: ${version}…` : `rapport: ${version} done in ${seconds.toFixed(1)} s.`);

/** `--database-url` (or DATABASE_URL) selects PostgreSQL; otherwise PGlite in `--data` (or RAPPORT_DATA, ./.rapport). */
export function storeOptions(flags: StoreFlags, role: 'server' | 'cli'): OpenStoreOptions {
  if (flags.data && flags.databaseUrl) throw new UsageError('Pass --data or --database-url, not both.');
  const databaseUrl = flags.databaseUrl ?? (flags.data ? undefined : process.env.DATABASE_URL);
  if (databaseUrl) {
    const named = flags.databaseUrl ? '--database-url' : 'DATABASE_URL';
    if (!/^postgres(ql)?:\/\//.test(databaseUrl)) throw new UsageError(`${named} must start with postgres:// or postgresql://.`);
    return { databaseUrl, role, onUpgrade };
  }
  return { dataDir: path.resolve(flags.data ?? process.env.RAPPORT_DATA ?? '.rapport'), role, onUpgrade };
}
