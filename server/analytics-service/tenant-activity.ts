/**
 * A tenant's DailyActivity (../analytics/activity.ts) read from the ingest-time aggregates, with the maps between
 * engine customer indices and the store's customers. Customers are indexed in id order, so an id is found by
 * binary search without a per-customer map.
 */
import { tieOrderFromIds, type DailyActivity } from '../analytics/activity';
import type { Queryable } from '../store';
import { activityDump } from '../store/queries/activity';
import { parseDailyText } from './daily-text';
import type { TenantSnapshot } from './tenant-snapshot';

export interface TenantActivity {
  activity: DailyActivity;
  /** Store id per customer index, ascending. */
  customerIds: Float64Array;
  externalIds: readonly string[];
  /** Distinct countries; `activity.country` indexes this list (-1: none). */
  countries: readonly string[];
}

export async function loadTenantActivity(db: Queryable, tenant: string): Promise<TenantActivity> {
  const { daily, customers } = await activityDump(db, tenant);
  const n = customers.length;
  const customerIds = new Float64Array(n);
  const externalIds: string[] = new Array(n);
  const countries: string[] = [];
  const countryIndex = new Map<string, number>();
  const country = new Int32Array(n);
  const indexOf = new Map<number, number>();
  customers.forEach(([id, externalId, countryName], i) => {
    customerIds[i] = id;
    externalIds[i] = externalId;
    indexOf.set(id, i);
    let k = -1;
    if (countryName !== null) {
      k = countryIndex.get(countryName) ?? -1;
      if (k < 0) countryIndex.set(countryName, (k = countries.push(countryName) - 1));
    }
    country[i] = k;
  });
  const columns = parseDailyText(daily, (id) => indexOf.get(id) ?? -1);
  const activity: DailyActivity = {
    customerCount: n,
    ...columns,
    // The reference ranks frequency ties in ascending customer id (pandas groupby order).
    tieOrder: tieOrderFromIds(externalIds),
    country,
  };
  return { activity, customerIds, externalIds, countries };
}

/** The snapshot's activity, loaded once per data version. */
export function tenantActivity(snapshot: TenantSnapshot): Promise<TenantActivity> {
  return snapshot.get('activity', () => loadTenantActivity(snapshot.db, snapshot.tenant));
}

/** The customer index of a store id, or -1. */
export function customerIndex(data: TenantActivity, id: number): number {
  const ids = data.customerIds;
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = ids[mid]!;
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
