/** Minting an embed token, shared by the `createEmbedToken` mutation and `rapport token`. */
import type { Store } from '../store';
import { embedOperationNames } from './embed-operations';
import { tenantIds } from './global-ids';
import { tenantOrigins } from './tenants';
import { MAX_TOKEN_TTL_SECONDS, signEmbedToken } from './tokens';

export class MintError extends Error {
  override readonly name = 'MintError';
}

export interface MintRequest {
  tenant: string;
  keyId: string;
  origin?: string | null;
  /** Customer global ids; null or absent for all customers. */
  customers?: readonly string[] | null;
  /** Names of the embed operations the token may run; null or absent for all. */
  operations?: readonly string[] | null;
  ttlSeconds?: number | null;
}

/**
 * Checks what the token will be bound to — the origin must be one of the tenant's, the customers must be the
 * tenant's — and signs it. `owner` reads the allow-list, `scoped` (the tenant's own view) checks the customers.
 */
export async function mintEmbedToken(owner: Store, scoped: Store, secret: Uint8Array, request: MintRequest) {
  const ttl = request.ttlSeconds ?? MAX_TOKEN_TTL_SECONDS;
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > MAX_TOKEN_TTL_SECONDS) {
    throw new MintError(`ttlSeconds must be 1 to ${MAX_TOKEN_TTL_SECONDS} (15 minutes), not ${ttl}.`);
  }
  if (request.origin != null && !(await tenantOrigins(owner, request.tenant)).includes(request.origin)) {
    throw new MintError(`${request.origin} is not among tenant ${request.tenant}'s allowed origins; add it with \`rapport tenant origins ${request.tenant} --add ${request.origin}\`.`);
  }
  if (request.operations) checkOperations(request.operations);
  if (request.customers) await checkCustomers(owner, scoped, request.tenant, request.customers);
  const { tenant, keyId, origin, customers, operations } = request;
  return signEmbedToken(secret, { tenant, keyId, origin, customers, operations: operations && [...new Set(operations)] }, ttl);
}

function checkOperations(operations: readonly string[]): void {
  const known = embedOperationNames();
  if (operations.length === 0) throw new MintError(`operations must name at least one of: ${known.join(', ')}.`);
  const unknown = operations.filter((name) => !known.includes(name));
  if (unknown.length) {
    throw new MintError(`${unknown.map((n) => `"${n}"`).join(', ')} ${unknown.length === 1 ? 'is not an embed operation' : 'are not embed operations'}; they are: ${known.join(', ')}.`);
  }
}

async function checkCustomers(owner: Store, scoped: Store, tenant: string, customers: readonly string[]): Promise<void> {
  if (customers.length === 0 || customers.length > 1000) throw new MintError('customers must name 1 to 1000 customers.');
  const ids = await tenantIds(owner, tenant);
  const storeIds = customers.map((gid) => {
    const id = ids.storeId('Customer', gid);
    if (!id) throw new MintError(`"${gid}" is not the id of a customer of tenant ${tenant}.`);
    return id;
  });
  const found = await scoped.query<{ n: number }>(`SELECT count(*)::int AS n FROM customers WHERE tenant_id = $1 AND id = ANY($2)`, [tenant, storeIds]);
  if (found[0]!.n !== new Set(storeIds).size) throw new MintError('Some of the customers are not customers of this tenant.');
}
