/**
 * Named segment maps: the built-in `default` (the paper's RF map) and each tenant's own, stored as the engine's
 * SegmentMap JSON. Maps are read once per data version (defining one bumps the version).
 */
import { compileSegmentMap, DEFAULT_SEGMENT_MAP, RfmError, type CompiledSegmentMap, type SegmentMap } from '../analytics/rfm';
import type { Store } from '../store';
import { saveSegmentMap, segmentMapRows } from '../store/queries/segment-maps';
import { AnalyticsError } from './errors';
import type { TenantSnapshot } from './tenant-snapshot';

export const DEFAULT_MAP_NAME = 'default';
const MAP_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;

export interface NamedSegmentMap {
  name: string;
  map: SegmentMap;
  builtIn: boolean;
  updatedAt: Date | null;
}

const BUILT_IN: NamedSegmentMap = { name: DEFAULT_MAP_NAME, map: DEFAULT_SEGMENT_MAP, builtIn: true, updatedAt: null };

/** The tenant's maps, `default` first, then by name. */
export function tenantSegmentMaps(snapshot: TenantSnapshot): Promise<NamedSegmentMap[]> {
  return snapshot.get('segment-maps', async () => {
    const rows = await segmentMapRows(snapshot.db, snapshot.tenant);
    return [BUILT_IN, ...rows.map((r) => ({ name: r.name, map: r.map as SegmentMap, builtIn: false, updatedAt: r.updated_at }))];
  });
}

/** A map by name (absent: `default`), compiled once per snapshot. */
export async function resolveSegmentMap(
  snapshot: TenantSnapshot,
  name: string | null | undefined,
): Promise<NamedSegmentMap & { compiled: CompiledSegmentMap }> {
  const wanted = name ?? DEFAULT_MAP_NAME;
  const maps = await tenantSegmentMaps(snapshot);
  const found = maps.find((m) => m.name === wanted);
  if (!found) {
    throw new AnalyticsError('UNKNOWN_SEGMENT_MAP', `no segment map named "${wanted}"; this tenant has ${maps.map((m) => m.name).join(', ')}`);
  }
  const compiled = await snapshot.get(`segment-map|${wanted}`, () => compileSegmentMap(found.map));
  return { ...found, compiled };
}

/** Keeps only the fields the engine reads, so what is stored is exactly what was validated. */
function normalize(map: SegmentMap): SegmentMap {
  return {
    rules: map.rules.map(({ name, r, f, m }) => ({
      name,
      ...(r != null ? { r } : {}),
      ...(f != null ? { f } : {}),
      ...(m != null ? { m } : {}),
    })),
    ...(map.fallback != null ? { fallback: map.fallback } : {}),
  };
}

/** Validates and stores a tenant's map under `name` (replacing one of that name). */
export async function defineSegmentMap(store: Store, tenant: string, name: string, map: SegmentMap): Promise<NamedSegmentMap> {
  if (!MAP_NAME.test(name)) throw new AnalyticsError('INVALID_SEGMENT_MAP', `"${name}" is not a map name: letters, digits, _ and -, at most 64`);
  if (name === DEFAULT_MAP_NAME) throw new AnalyticsError('INVALID_SEGMENT_MAP', `"${DEFAULT_MAP_NAME}" is the built-in map and cannot be redefined`);
  const clean = normalize(map);
  try {
    compileSegmentMap(clean);
  } catch (err) {
    if (err instanceof RfmError) throw new AnalyticsError('INVALID_SEGMENT_MAP', err.message.replace(/^rapport\/rfm: /, ''));
    throw err;
  }
  await store.transaction((tx) => saveSegmentMap(tx, tenant, name, clean));
  return { name, map: clean, builtIn: false, updatedAt: new Date() };
}
