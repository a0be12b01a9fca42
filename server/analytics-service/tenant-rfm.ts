/** RFM for a tenant through its snapshot: one computation per (segment map, asOf) and data version. */
import { computeRfm, type RfmResult } from '../analytics/rfm';
import { AnalyticsError } from './errors';
import { resolveSegmentMap, type NamedSegmentMap } from './segment-maps';
import { customerIndex, tenantActivity, type TenantActivity } from './tenant-activity';
import type { TenantSnapshot } from './tenant-snapshot';

export interface RfmQuery {
  /** @default latest order + 1 day */
  asOf?: Date | null;
  /** A map name. @default 'default' */
  segmentMap?: string | null;
}

export interface TenantRfm {
  segmentMap: NamedSegmentMap;
  data: TenantActivity;
  result: RfmResult;
}

export interface CustomerRfm {
  recency: number;
  frequency: number;
  monetary: number;
  r: number;
  f: number;
  m: number;
  segment: string;
}

export async function tenantRfm(snapshot: TenantSnapshot, query: RfmQuery = {}): Promise<TenantRfm> {
  const asOf = query.asOf ?? undefined;
  if (asOf && !Number.isFinite(asOf.getTime())) throw new AnalyticsError('INVALID_OPTIONS', 'asOf is not a valid date');
  const segmentMap = await resolveSegmentMap(snapshot, query.segmentMap);
  const data = await tenantActivity(snapshot);
  const key = `rfm|${segmentMap.name}|${asOf ? asOf.getTime() : ''}`;
  const result = await snapshot.get(key, () => computeRfm(data.activity, { asOf, segmentMap: segmentMap.compiled }));
  return { segmentMap, data, result };
}

/** One customer's scores, or null when the customer has no counted order (before asOf). */
export function customerRfm(rfm: TenantRfm, customerId: number): CustomerRfm | null {
  const c = customerIndex(rfm.data, customerId);
  const { result } = rfm;
  if (c < 0 || result.segment[c]! < 0) return null;
  return {
    recency: result.recency[c]!,
    frequency: result.frequency[c]!,
    monetary: result.monetary[c]!,
    r: result.r[c]!,
    f: result.f[c]!,
    m: result.m[c]!,
    segment: result.segmentNames[result.segment[c]!]!,
  };
}

/** The index of a segment name in the result's map; unknown names are an error naming the known ones. */
export function segmentIndexOf(rfm: TenantRfm, segment: string): number {
  const index = rfm.result.segmentNames.indexOf(segment);
  if (index < 0) {
    throw new AnalyticsError(
      'UNKNOWN_SEGMENT',
      `no segment "${segment}" in map "${rfm.segmentMap.name}"; its segments are ${rfm.result.segmentNames.join(', ')}`,
    );
  }
  return index;
}

/** Store ids of the customers in a segment, ascending. */
export function segmentMemberIds(rfm: TenantRfm, segment: string): number[] {
  const s = segmentIndexOf(rfm, segment);
  const ids: number[] = [];
  const { segment: of } = rfm.result;
  for (let c = 0; c < of.length; c++) if (of[c] === s) ids.push(rfm.data.customerIds[c]!);
  return ids;
}
