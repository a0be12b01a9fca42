import type { Store } from '../../server/store';
import { migrate } from '../../server/store/migrate';
import { openPgliteStore } from '../../server/store/pglite-store';

/**
 * A PGlite store (in memory, or in `dir`) migrated up to, not including, `version` (e.g. '007'), for a test to fill
 * as an older store would have been; `migrateRest()` then applies the rest and returns their names. Closing is the
 * test's.
 */
export async function storeBefore(version: string, dir?: string): Promise<{ store: Store; migrateRest: () => Promise<string[]> }> {
  const store = await openPgliteStore({ dir });
  await migrate(store, { before: version });
  return { store, migrateRest: () => migrate(store) };
}
