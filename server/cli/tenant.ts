import { addOrigins, createTenant, removeOrigins, tenantExists, tenantOrigins, TenantError } from '../auth/tenants';
import { openStore, type ServedAdvice, type Store } from '../store';
import { CommandError } from './fail';
import { storeOptions, type StoreFlags } from './store-options';
import { tenantFlag } from './tenant-flag';

export interface TenantFlags extends StoreFlags {
  name?: string;
  origin?: string[];
}

/**
 * What a credentials command advises when a server holds its PGlite store: `--server` (the import's advice) does
 * not exist for most of them.
 */
const SHARE_THE_STORE: ServedAdvice = () => 'Stop it first, or run the server on PostgreSQL (--database-url) so commands can share the store.';

/** Opens the store for a credentials command and turns the auth layer's plain errors into one-line messages. */
export async function withStore<T>(flags: StoreFlags, run: (store: Store) => Promise<T>, whenServed = SHARE_THE_STORE): Promise<T> {
  const store = await openStore({ ...storeOptions(flags, 'cli'), whenServed });
  try {
    return await run(store);
  } catch (err) {
    if (err instanceof TenantError) throw new CommandError(err.message);
    throw err;
  } finally {
    await store.close();
  }
}

/** `rapport tenant create ID [--name N] [--origin O]…` */
export function runTenantCreate(id: string, flags: TenantFlags): Promise<void> {
  tenantFlag(id);
  return withStore(flags, async (store) => {
    const created = await createTenant(store, id, flags.name ?? id);
    const origins = flags.origin?.length ? await addOrigins(store, id, flags.origin) : [];
    console.log(
      `${created ? 'Created' : 'Tenant already exists:'} tenant ${id}` +
        (origins.length ? `; allowed origins: ${origins.join(', ')}` : '') +
        `. Next: rapport key create --tenant ${id}`,
    );
  });
}

export interface OriginFlags extends StoreFlags {
  add?: string[];
  remove?: string[];
}

/** `rapport tenant origins ID [--add O]… [--remove O]…`: edits, then prints the allow-list. */
export function runTenantOrigins(id: string, flags: OriginFlags): Promise<void> {
  tenantFlag(id);
  return withStore(flags, async (store) => {
    if (!(await tenantExists(store, id))) throw new CommandError(`There is no tenant ${id}; create it with \`rapport tenant create ${id}\`.`);
    if (flags.add?.length) await addOrigins(store, id, flags.add);
    if (flags.remove?.length) await removeOrigins(store, id, flags.remove);
    const origins = await tenantOrigins(store, id);
    console.log(origins.length ? `Tenant ${id} allows: ${origins.join(', ')}` : `Tenant ${id} allows no browser origin.`);
  });
}
