/** Segment migration between two dates for a tenant, reusing the snapshot's RFM results for both dates. */
import { migrationMatrix, RfmError, type SegmentMigration } from '../analytics/rfm';
import { AnalyticsError } from './errors';
import { tenantRfm } from './tenant-rfm';
import type { TenantSnapshot } from './tenant-snapshot';

export interface MigrationQuery {
  from: Date;
  to: Date;
  /** @default 'default' */
  segmentMap?: string | null;
}

export async function tenantMigration(snapshot: TenantSnapshot, query: MigrationQuery): Promise<SegmentMigration> {
  if (query.from.getTime() > query.to.getTime()) throw new AnalyticsError('INVALID_OPTIONS', 'segmentMigration needs from ≤ to');
  const before = await tenantRfm(snapshot, { asOf: query.from, segmentMap: query.segmentMap });
  const after = await tenantRfm(snapshot, { asOf: query.to, segmentMap: query.segmentMap });
  const key = `migration|${before.segmentMap.name}|${query.from.getTime()}|${query.to.getTime()}`;
  return snapshot.get(key, () => {
    try {
      return migrationMatrix(before.result, after.result);
    } catch (err) {
      if (err instanceof RfmError) throw new AnalyticsError('INVALID_OPTIONS', err.message.replace(/^rapport\/rfm: /, ''));
      throw err;
    }
  });
}
