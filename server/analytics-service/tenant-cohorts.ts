/**
 * Cohort tables for a tenant through its snapshot. Filters: a segment (the customer's current segment in the
 * chosen map, i.e. `rfm` without asOf) and a country (the customer's country, compared case-insensitively).
 */
import { maskFromValues } from '../analytics/activity';
import { computeCohorts, type CohortMetric, type CohortResult } from '../analytics/cohort';
import type { CohortPeriod } from '../analytics/cohort';
import { segmentIndexOf, tenantRfm } from './tenant-rfm';
import { tenantActivity } from './tenant-activity';
import type { TenantSnapshot } from './tenant-snapshot';

export interface CohortQuery {
  period?: CohortPeriod | null;
  metric?: CohortMetric | null;
  from?: Date | null;
  to?: Date | null;
  segment?: string | null;
  /** The map `segment` is named in. @default 'default' */
  segmentMap?: string | null;
  country?: string | null;
}

export async function tenantCohorts(snapshot: TenantSnapshot, query: CohortQuery = {}): Promise<CohortResult> {
  const key = `cohorts|${JSON.stringify([
    query.period, query.metric, query.from?.getTime(), query.to?.getTime(), query.segment, query.segmentMap, query.country,
  ])}`;
  // Resolved before the cache lookup so an unknown segment is reported, never cached.
  const rfm = query.segment != null ? await tenantRfm(snapshot, { segmentMap: query.segmentMap }) : null;
  const segment = rfm ? segmentIndexOf(rfm, query.segment!) : -1;
  const data = await tenantActivity(snapshot);
  return snapshot.get(key, () => {
    const masks: Uint8Array[] = [];
    if (rfm) masks.push(maskFromValues(rfm.result.segment, [segment]));
    if (query.country != null) {
      const wanted = query.country.trim().toLowerCase();
      const matching = data.countries.flatMap((name, i) => (name.toLowerCase() === wanted ? [i] : []));
      masks.push(maskFromValues(data.activity.country!, matching));
    }
    return computeCohorts(data.activity, {
      period: query.period ?? undefined,
      metric: query.metric ?? undefined,
      from: query.from ?? undefined,
      to: query.to ?? undefined,
      customerMask: masks.length ? masks.reduce((a, b) => a.map((v, c) => v & b[c]!)) : undefined,
    });
  });
}
