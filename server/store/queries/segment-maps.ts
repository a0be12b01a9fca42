import type { Queryable, Tx } from '../store';
import { bumpTenantVersion } from './tenant-version';

export interface SegmentMapRow {
  name: string;
  /** The engine's SegmentMap JSON, validated before it was stored. */
  map: unknown;
  updated_at: Date;
}

export async function segmentMapRows(db: Queryable, tenant: string): Promise<SegmentMapRow[]> {
  return db.query<SegmentMapRow & Record<string, unknown>>(
    `SELECT name, map, updated_at FROM segment_maps WHERE tenant_id = $1 ORDER BY name`,
    [tenant],
  );
}

/**
 * Stores (or replaces) a named map and bumps the tenant's version in the same transaction: cached RFM results
 * keyed by that version then never serve the old map's segments.
 */
export async function saveSegmentMap(tx: Tx, tenant: string, name: string, map: unknown): Promise<void> {
  await tx.query(
    `INSERT INTO segment_maps (tenant_id, name, map) VALUES ($1, $2, $3::jsonb)
     ON CONFLICT (tenant_id, name) DO UPDATE SET map = EXCLUDED.map, updated_at = now()`,
    [tenant, name, JSON.stringify(map)],
  );
  await bumpTenantVersion(tx, tenant);
}
