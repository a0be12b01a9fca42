/**
 * Whether the key that minted an embed token still stands. Tokens are checked against their key on every use, so
 * revoking a key recalls its tokens too. The answer is cached per instance for `KEY_STATUS_TTL_MS`: one indexed
 * read per key and instance every two seconds, whatever the traffic. The instance that revokes forgets at once;
 * any other instance (or a server beside `rapport key revoke`) stops accepting the tokens within the TTL.
 */
import type { Store } from '../store';
import { ttlCache } from './ttl-cache';

export const KEY_STATUS_TTL_MS = 2_000;

/** `gone`: no such key (deleted, or another store's), or a key of another tenant than the token names. */
export type KeyStatus = 'live' | 'revoked' | 'gone';

const statusCache = ttlCache<{ tenant: string; revoked: boolean } | null>(KEY_STATUS_TTL_MS);

export async function keyStatus(store: Store, keyId: string, tenant: string): Promise<KeyStatus> {
  const key = await statusCache.get(store, keyId, async () => {
    const [row] = await store.query<{ tenant_id: string; revoked_at: Date | null }>(
      `SELECT tenant_id, revoked_at FROM api_keys WHERE id = $1`,
      [keyId],
    );
    return row ? { tenant: row.tenant_id, revoked: row.revoked_at !== null } : null;
  });
  if (!key || key.tenant !== tenant) return 'gone';
  return key.revoked ? 'revoked' : 'live';
}

export function forgetKeyStatus(store: Store, keyId: string): void {
  statusCache.forget(store, keyId);
}
