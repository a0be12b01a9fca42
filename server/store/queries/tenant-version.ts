import type { Tx } from '../store';

/**
 * Bumps the tenant's data version inside the transaction that changed its data: caches keyed by the version
 * (`analytics-service/tenant-cache.ts`) then never serve what was there before.
 */
export async function bumpTenantVersion(tx: Tx, tenant: string): Promise<void> {
  await tx.query(
    `INSERT INTO tenant_versions (tenant_id, version) VALUES ($1, 1)
     ON CONFLICT (tenant_id) DO UPDATE SET version = tenant_versions.version + 1`,
    [tenant],
  );
}
