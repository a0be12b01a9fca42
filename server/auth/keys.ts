/**
 * API keys: `rpk_<id>_<secret>`, shown once at creation. The store keeps sha256 of the whole key (the secret is
 * 32 random bytes, so a fast hash is enough) and compares it in constant time. `id` and `prefix` are public and
 * name the key in listings and logs.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Store } from '../store';
import { forgetKeyStatus } from './key-status';

export type KeyScope = 'read' | 'write';
export const KEY_SCOPES: readonly KeyScope[] = ['read', 'write'];

const KEY = /^rpk_([a-z0-9]{12})_[A-Za-z0-9_-]{43}$/;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export interface CreatedKey {
  id: string;
  tenant: string;
  scope: KeyScope;
  /** The whole key: print it once, never store or log it. */
  key: string;
}

export interface VerifiedKey {
  id: string;
  tenant: string;
  scope: KeyScope;
  revoked: boolean;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest();

function keyId(): string {
  return Array.from(randomBytes(12), (b) => ALPHABET[b % ALPHABET.length]).join('');
}

/** Whether `text` has the shape of a Rapport key (not whether it is valid). */
export const looksLikeKey = (text: string) => text.startsWith('rpk_');

export async function createKey(store: Store, tenant: string, scope: KeyScope): Promise<CreatedKey> {
  const id = keyId();
  const key = `rpk_${id}_${randomBytes(32).toString('base64url')}`;
  await store.query(`INSERT INTO api_keys (tenant_id, id, prefix, hash, scope) VALUES ($1, $2, $3, $4, $5)`, [
    tenant, id, `rpk_${id}`, sha256(key), scope,
  ]);
  return { id, tenant, scope, key };
}

/** Revokes a key by its id (or its `rpk_<id>` prefix), and so the embed tokens it minted; false when there is no such live key. */
export async function revokeKey(store: Store, id: string): Promise<boolean> {
  const keyId = id.replace(/^rpk_/, '');
  const rows = await store.query(`UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id`, [keyId]);
  forgetKeyStatus(store, keyId);
  return rows.length > 0;
}

export async function listKeys(store: Store, tenant: string) {
  return store.query<{ id: string; prefix: string; scope: KeyScope; created_at: Date; revoked_at: Date | null; last_used_at: Date | null }>(
    `SELECT id, prefix, scope, created_at, revoked_at, last_used_at FROM api_keys WHERE tenant_id = $1 ORDER BY created_at`,
    [tenant],
  );
}

/** The key's record when `key` is a key this store issued; null for anything else. */
export async function verifyKey(store: Store, key: string): Promise<VerifiedKey | null> {
  const match = KEY.exec(key);
  if (!match) return null;
  const [row] = await store.query<{ tenant_id: string; scope: KeyScope; hash: Uint8Array; revoked_at: Date | null }>(
    `SELECT tenant_id, scope, hash, revoked_at FROM api_keys WHERE id = $1`,
    [match[1]],
  );
  if (!row) return null;
  const expected = Buffer.from(row.hash);
  const given = sha256(key);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  touch(store, match[1]);
  return { id: match[1], tenant: row.tenant_id, scope: row.scope, revoked: row.revoked_at !== null };
}

const touched = new Map<string, number>();

/** `last_used_at` to the minute: a write per request would cost more than the request. */
function touch(store: Store, id: string): void {
  const now = Date.now();
  if (now - (touched.get(id) ?? 0) < 60_000) return;
  touched.set(id, now);
  if (touched.size > 10_000) touched.clear();
  store.query(`UPDATE api_keys SET last_used_at = now() WHERE id = $1`, [id]).catch(() => {});
}
