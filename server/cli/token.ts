import { verifyKey } from '../auth/keys';
import { tenantIds } from '../auth/global-ids';
import { MintError, mintEmbedToken } from '../auth/mint-token';
import { tokenSecret, TokenSecretError } from '../auth/token-secret';
import { MAX_TOKEN_TTL_SECONDS } from '../auth/tokens';
import { CommandError, UsageError } from './fail';
import type { StoreFlags } from './store-options';
import { withStore } from './tenant';
import { mintViaServer } from './token-via-server';

export interface TokenFlags extends StoreFlags {
  key?: string;
  server?: string;
  origin?: string;
  customers?: string;
  operations?: string;
  ttl?: string;
}

/** `15m`, `900s` or `900` → seconds. */
export function parseTtl(text: string): number {
  const m = /^(\d+)\s*(s|m)?$/.exec(text.trim());
  const seconds = m ? Number(m[1]) * (m[2] === 'm' ? 60 : 1) : NaN;
  if (!(seconds >= 1 && seconds <= MAX_TOKEN_TTL_SECONDS)) {
    throw new UsageError(`--ttl must be 1s to ${MAX_TOKEN_TTL_SECONDS / 60}m (e.g. 15m or 300s), not "${text}".`);
  }
  return seconds;
}

/**
 * `rapport token --key KEY [--origin O] [--customers ext1,ext2] [--operations Op1,Op2] [--ttl 15m]`: an embed token
 * on stdout, as the `createEmbedToken` mutation would mint it. Customers are named by their external ids here.
 */
export function runToken(flags: TokenFlags): Promise<void> {
  const key = flags.key ?? process.env.RAPPORT_KEY;
  if (!key) throw new UsageError('Pass --key KEY (or set RAPPORT_KEY): the token is minted for that key\'s tenant.');
  const ttlSeconds = parseTtl(flags.ttl ?? '15m');
  const externalIds = list(flags.customers);
  const operations = flags.operations === undefined ? null : list(flags.operations)!;
  if (flags.server) {
    return mintViaServer(flags.server, { key, origin: flags.origin ?? null, externalIds, operations, ttlSeconds }).then(({ token, expiresAt }) => {
      console.error(`Embed token from ${flags.server}, read-only, expires ${expiresAt}:`);
      console.log(token);
    });
  }
  return withStore(flags, async (store) => {
    const verified = await verifyKey(store, key);
    if (!verified || verified.revoked) throw new CommandError('That key is not a live key of this store (revoked, mistyped, or another store\'s).');
    const scoped = store.forTenant(verified.tenant);
    let customers: string[] | null = null;
    if (externalIds?.length) {
      const rows = await scoped.query<{ id: number; external_id: string }>(
        `SELECT id, external_id FROM customers WHERE tenant_id = $1 AND external_id = ANY($2)`,
        [verified.tenant, externalIds],
      );
      const missing = externalIds.filter((e) => !rows.some((r) => r.external_id === e));
      if (missing.length) throw new CommandError(`Tenant ${verified.tenant} has no customer ${missing.slice(0, 5).join(', ')}.`);
      const ids = await tenantIds(store, verified.tenant);
      customers = rows.map((r) => ids.encode('Customer', r.id));
    }
    try {
      const { token, expiresAt } = await mintEmbedToken(store, scoped, await tokenSecret(store), {
        tenant: verified.tenant,
        keyId: verified.id,
        origin: flags.origin ?? null,
        customers,
        operations,
        ttlSeconds,
      });
      console.error(`Embed token for tenant ${verified.tenant}, read-only, expires ${expiresAt.toISOString()}:`);
      if (process.env.RAPPORT_TOKEN_SECRET === undefined) console.error(STORE_SECRET_NOTE);
      console.log(token);
    } catch (err) {
      if (err instanceof MintError || err instanceof TokenSecretError) throw new CommandError(err.message);
      throw err;
    }
  }, (url) => `Stop it first, or ask it for the token with --server ${url}.`);
}

/** Said when the token is signed with the store's secret: servers given RAPPORT_TOKEN_SECRET refuse such tokens. */
export const STORE_SECRET_NOTE =
  'Signed with the secret kept in the store, as RAPPORT_TOKEN_SECRET is not set here: servers started with ' +
  'RAPPORT_TOKEN_SECRET refuse it. Set the same value here, or mint with --server URL.';

const list = (text: string | undefined) => text?.split(',').map((s) => s.trim()).filter(Boolean);
