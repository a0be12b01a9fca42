/**
 * Tenant scoping (issue 8, isolation in depth). A tenant-scoped store runs every statement as the NOLOGIN role
 * `rapport_app` with `app.tenant` set, so the row-level security policies of `004_row_security.sql` apply on top of
 * the `WHERE tenant_id = $1` every query already has. The owner connection (migrations, CLI, credential checks)
 * is left as it was.
 */
import { rowsHoldTenant } from './copy-binary';
import { StoreError } from './store';

export const TENANT_ROLE = 'rapport_app';

/** Tenant ids as the `tenants` table allows them; anything else is refused before it reaches SQL. */
export const TENANT_ID = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/** Takes the role and the tenant for the rest of the transaction (`true`) or of the session (`false`). */
export const SCOPE_SQL = (local: boolean) =>
  `SELECT set_config('role', '${TENANT_ROLE}', ${local}), set_config('app.tenant', $1, ${local})`;

/** Back to the connection's owner, for the whole session. */
export const UNSCOPE_SQL = `SELECT set_config('role', 'none', false), set_config('app.tenant', '', false)`;
/** Back to the owner for the rest of the transaction. */
export const UNSCOPE_LOCAL_SQL = `SELECT set_config('role', 'none', true), set_config('app.tenant', '', true)`;

/** Why `tenant` is refused, in the words every layer (store, auth, CLI) should use. */
export function tenantIdMessage(tenant: string): string {
  return `"${tenant}" is not a tenant id: use 1–63 lower-case letters, digits, - or _, starting with a letter or digit.`;
}

export function checkTenantId(tenant: string): string {
  if (!TENANT_ID.test(tenant)) throw new StoreError(tenantIdMessage(tenant), 'STORE_TENANT_INVALID');
  return tenant;
}

/**
 * PostgreSQL refuses `COPY FROM` into a table with row-level security, so a scoped transaction copies as the owner
 * for that one statement. What RLS would have checked is checked here instead: every row's `tenant_id` is the
 * scope's tenant. COPY text escapes tabs and newlines inside values, so splitting on them is exact.
 */
export function checkCopyTenant(table: string, columns: readonly string[], rows: string | Uint8Array, tenant: string): void {
  const col = columns.indexOf('tenant_id');
  if (col < 0) throw new StoreError(`A tenant-scoped COPY into ${table} must write tenant_id.`, 'STORE_TENANT_INVALID');
  const holds = typeof rows === 'string' ? textHoldsTenant(rows, col, tenant) : rowsHoldTenant(rows, col, tenant);
  if (!holds) throw new StoreError(`A tenant-scoped COPY into ${table} carried a row of another tenant.`, 'STORE_TENANT_INVALID');
}

function textHoldsTenant(text: string, col: number, tenant: string): boolean {
  for (const line of text.split('\n')) {
    if (line !== '' && line.split('\t', col + 1)[col] !== tenant) return false;
  }
  return true;
}

/** Scoped stores are memoised per tenant: caches keyed by store (analytics snapshots) must see one object. */
export function memoScopes<S>(make: (tenant: string) => S, max = 1024): (tenant: string) => S {
  const scopes = new Map<string, S>();
  return (tenant) => {
    let scope = scopes.get(tenant);
    if (!scope) {
      scope = make(checkTenantId(tenant));
      scopes.set(tenant, scope);
      if (scopes.size > max) scopes.delete(scopes.keys().next().value!);
    }
    return scope;
  };
}

export function refuseOtherTenant(tenant: string, other: string): never {
  throw new StoreError(`A store scoped to tenant ${tenant} cannot act for tenant ${other}.`, 'STORE_TENANT_INVALID');
}
