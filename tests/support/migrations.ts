import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Store } from '../../server/store';
import { migrate } from '../../server/store/migrate';
import { openPgliteStore } from '../../server/store/pglite-store';

const ALL = path.resolve(import.meta.dirname, '../../server/store/migrations');

/**
 * A PGlite store (in memory, or in `dir`) migrated up to, not including, `version` (e.g. '007'), for a test to fill
 * as an older store would have been; `migrateRest()` then applies the rest and returns their names. Closing is the
 * test's.
 */
export async function storeBefore(version: string, dir?: string): Promise<{ store: Store; migrateRest: () => Promise<string[]> }> {
  const before = mkdtempSync(path.join(tmpdir(), 'rapport-migrations-'));
  for (const file of readdirSync(ALL).filter((f) => f < version)) cpSync(path.join(ALL, file), path.join(before, file));
  const store = await openPgliteStore({ dir });
  try {
    await migrate(store, before);
  } finally {
    rmSync(before, { recursive: true, force: true });
  }
  return { store, migrateRest: () => migrate(store, ALL) };
}
