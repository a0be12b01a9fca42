import type { Store } from '../../server/store';

const TABLES = ['tenants', 'customers', 'orders', 'customer_stats', 'customer_daily', 'interactions', 'relationships', 'imports', 'tenant_versions'];

/** Row counts of every data table: equal before and after means a write left nothing behind. */
export async function tableCounts(store: Store): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    counts[table] = (await store.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
  }
  return counts;
}
