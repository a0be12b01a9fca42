import path from 'node:path';
import type { OpenStoreOptions } from '../store';
import { UsageError } from './fail';

export interface StoreFlags {
  data?: string;
  databaseUrl?: string;
}

/** `--database-url` (or DATABASE_URL) selects PostgreSQL; otherwise PGlite in `--data` (or RAPPORT_DATA, ./.rapport). */
export function storeOptions(flags: StoreFlags, role: 'server' | 'cli'): OpenStoreOptions {
  if (flags.data && flags.databaseUrl) throw new UsageError('Pass --data or --database-url, not both.');
  const databaseUrl = flags.databaseUrl ?? (flags.data ? undefined : process.env.DATABASE_URL);
  if (databaseUrl) {
    const named = flags.databaseUrl ? '--database-url' : 'DATABASE_URL';
    if (!/^postgres(ql)?:\/\//.test(databaseUrl)) throw new UsageError(`${named} must start with postgres:// or postgresql://.`);
    return { databaseUrl, role };
  }
  return { dataDir: path.resolve(flags.data ?? process.env.RAPPORT_DATA ?? '.rapport'), role };
}
