import { createKey, KEY_SCOPES, listKeys, revokeKey, type KeyScope } from '../auth/keys';
import { KEY_STATUS_TTL_MS } from '../auth/key-status';
import { tenantExists } from '../auth/tenants';
import { CommandError, UsageError } from './fail';
import type { StoreFlags } from './store-options';
import { tenantFlag } from './tenant-flag';
import { withStore } from './tenant';

export interface KeyFlags extends StoreFlags {
  tenant: string;
  scope?: string;
}

/** `rapport key create --tenant T [--scope read|write]`: prints the key once, on stdout alone, for scripts. */
export function runKeyCreate(flags: KeyFlags): Promise<void> {
  const scope = (flags.scope ?? 'read') as KeyScope;
  if (!KEY_SCOPES.includes(scope)) throw new UsageError(`--scope must be read or write, not "${flags.scope}".`);
  tenantFlag(flags.tenant);
  return withStore(flags, async (store) => {
    if (!(await tenantExists(store, flags.tenant))) {
      throw new CommandError(`There is no tenant ${flags.tenant}; create it with \`rapport tenant create ${flags.tenant}\`.`);
    }
    const key = await createKey(store, flags.tenant, scope);
    console.error(`Created ${scope} key rpk_${key.id} for tenant ${flags.tenant}. It is shown once; keep it secret:`);
    console.log(key.key);
  });
}

/** `rapport key revoke ID` (the id or the rpk_<id> prefix, never the whole key). */
export function runKeyRevoke(id: string, flags: StoreFlags): Promise<void> {
  return withStore(flags, async (store) => {
    if (!(await revokeKey(store, id))) throw new CommandError(`There is no live key ${id}.`);
    console.log(`Revoked key ${id}. Servers refuse it, and the embed tokens it minted, within ${KEY_STATUS_TTL_MS / 1000} seconds; their live streams end too.`);
  });
}

/** `rapport key list --tenant T`: ids, scopes and use, never secrets. */
export function runKeyList(flags: KeyFlags): Promise<void> {
  tenantFlag(flags.tenant);
  return withStore(flags, async (store) => {
    if (!(await tenantExists(store, flags.tenant))) {
      throw new CommandError(`There is no tenant ${flags.tenant}; create it with \`rapport tenant create ${flags.tenant}\`.`);
    }
    const keys = await listKeys(store, flags.tenant);
    if (!keys.length) return void console.log(`Tenant ${flags.tenant} has no keys.`);
    for (const k of keys) {
      const state = k.revoked_at ? `revoked ${k.revoked_at.toISOString()}` : `last used ${k.last_used_at?.toISOString() ?? 'never'}`;
      console.log(`${k.prefix}  ${k.scope.padEnd(5)}  created ${k.created_at.toISOString()}  ${state}`);
    }
  });
}
