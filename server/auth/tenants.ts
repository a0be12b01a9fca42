/** Tenants and their browser origins (the CORS allow-list, and what an embed token may be bound to). */
import type { Store } from '../store';
import { TENANT_ID, tenantIdMessage } from '../store/tenant-scope';
import { ttlCache } from './ttl-cache';

export class TenantError extends Error {
  override readonly name = 'TenantError';
}

/** `https://crm.example.com` as browsers send it in `Origin`: scheme, host and port, no path. */
export function normalizeOrigin(origin: string): string {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new TenantError(`"${origin}" is not an origin; write it as https://host[:port].`);
  }
  if (!/^https?:$/.test(url.protocol) || url.origin === 'null') throw new TenantError(`"${origin}" is not an http(s) origin.`);
  return url.origin;
}

export async function createTenant(store: Store, id: string, name = id): Promise<boolean> {
  if (!TENANT_ID.test(id)) {
    throw new TenantError(tenantIdMessage(id));
  }
  const rows = await store.query(`INSERT INTO tenants (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING id`, [id, name]);
  return rows.length > 0;
}

export async function tenantExists(store: Store, id: string): Promise<boolean> {
  return (await store.query(`SELECT 1 FROM tenants WHERE id = $1`, [id])).length > 0;
}

export async function addOrigins(store: Store, tenant: string, origins: readonly string[]): Promise<string[]> {
  const clean = origins.map(normalizeOrigin);
  for (const origin of clean) {
    await store.query(`INSERT INTO tenant_origins (tenant_id, origin) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [tenant, origin]);
  }
  originCache.forget(store, tenant);
  return clean;
}

export async function removeOrigins(store: Store, tenant: string, origins: readonly string[]): Promise<void> {
  await store.query(`DELETE FROM tenant_origins WHERE tenant_id = $1 AND origin = ANY($2)`, [tenant, origins.map(normalizeOrigin)]);
  originCache.forget(store, tenant);
}

/** Origins change rarely and are asked on every browser request; another instance's change shows within this. */
const ORIGIN_TTL_MS = 5_000;
const originCache = ttlCache<string[]>(ORIGIN_TTL_MS);

/** The tenant's allowed origins ('*' for every tenant: all of them), cached for a few seconds. */
export function tenantOrigins(store: Store, tenant: string): Promise<string[]> {
  return originCache.get(store, tenant, async () => {
    const rows =
      tenant === '*'
        ? await store.query<{ origin: string }>(`SELECT DISTINCT origin FROM tenant_origins`)
        : await store.query<{ origin: string }>(`SELECT origin FROM tenant_origins WHERE tenant_id = $1`, [tenant]);
    return rows.map((r) => r.origin);
  });
}
