/**
 * Per-tenant analytics cache, keyed by the tenant's data version (`tenant_versions`, bumped in the same transaction
 * as every write). A request pays one cheap version query; while the version is unchanged it gets the same
 * snapshot, so warm analytics touch the database for nothing else. Another process (a CLI import) bumping the
 * version is seen at the next request, as nothing here relies on in-process notifications.
 *
 * A store only this process writes (PGlite: `writeEpoch`) skips even that query while no transaction has ended
 * since the version was read: the version cannot have moved.
 */
import type { Queryable } from '../store';
import { tenantVersion } from '../store/queries/activity';
import { TenantSnapshot, type SnapshotOptions } from './tenant-snapshot';

export interface TenantCacheOptions extends SnapshotOptions {
  /** Tenants kept per store; the least recently used are dropped. @default 256 */
  maxTenants?: number;
}

export class TenantCache {
  /** Per store (tests open several with the same tenant names), per tenant, the newest snapshot. */
  readonly #stores = new WeakMap<Queryable, Map<string, TenantSnapshot>>();
  /** Per store with a write epoch, per tenant: the epoch read before the newest snapshot's version was. */
  readonly #checked = new WeakMap<Queryable, Map<string, number>>();
  /** One version check per request: the scope is the request's context object. */
  readonly #scoped = new WeakMap<object, Map<string, Promise<TenantSnapshot>>>();
  readonly #options: TenantCacheOptions;

  constructor(options: TenantCacheOptions = {}) {
    this.#options = options;
  }

  /** The tenant's current snapshot: checks the version and starts a new snapshot when the data changed. */
  async snapshot(store: Queryable, tenant: string): Promise<TenantSnapshot> {
    let tenants = this.#stores.get(store);
    if (!tenants) this.#stores.set(store, (tenants = new Map()));
    // The epoch is read before the version: a transaction ending in between only causes one more check later.
    const epoch = store.writeEpoch?.();
    let checked = this.#checked.get(store);
    if (epoch !== undefined && !checked) this.#checked.set(store, (checked = new Map()));
    const known = tenants.get(tenant);
    if (known && epoch !== undefined && checked!.get(tenant) === epoch) {
      tenants.delete(tenant);
      tenants.set(tenant, known);
      return known;
    }
    const version = await tenantVersion(store, tenant);
    let snapshot = tenants.get(tenant);
    tenants.delete(tenant);
    // Versions only grow; a slower request that read an older version keeps using the newer snapshot.
    if (!snapshot || snapshot.version < version) snapshot = new TenantSnapshot(store, tenant, version, this.#options);
    tenants.set(tenant, snapshot);
    if (epoch !== undefined && snapshot.version === version) checked!.set(tenant, epoch);
    const max = this.#options.maxTenants ?? 256;
    while (tenants.size > max) {
      const oldest = tenants.keys().next().value!;
      tenants.delete(oldest);
      checked?.delete(oldest);
    }
    return snapshot;
  }

  /** As `snapshot`, checked once per `scope` (a request's context), however many resolvers ask. */
  forScope(scope: object, store: Queryable, tenant: string): Promise<TenantSnapshot> {
    let byTenant = this.#scoped.get(scope);
    if (!byTenant) this.#scoped.set(scope, (byTenant = new Map()));
    let snapshot = byTenant.get(tenant);
    if (!snapshot) {
      snapshot = this.snapshot(store, tenant);
      byTenant.set(tenant, snapshot);
      snapshot.catch(() => byTenant.delete(tenant));
    }
    return snapshot;
  }
}

/** The process-wide cache the GraphQL resolvers use. */
export const analyticsCache = new TenantCache();
