/**
 * The HS256 key embed tokens are signed with: `RAPPORT_TOKEN_SECRET` when set (every instance of a deployment
 * must share it), else one generated on first use and kept in the store, so tokens survive restarts and are
 * accepted by every instance on the same database.
 */
import { randomBytes } from 'node:crypto';
import type { Store } from '../store';

const NAME = 'embed_token_hs256';
const secrets = new WeakMap<Store, Promise<Uint8Array>>();

export class TokenSecretError extends Error {
  override readonly name = 'TokenSecretError';
}

export function tokenSecret(store: Store, env: string | undefined = process.env.RAPPORT_TOKEN_SECRET): Promise<Uint8Array> {
  if (env !== undefined) {
    if (env.length < 32) throw new TokenSecretError('RAPPORT_TOKEN_SECRET must be at least 32 characters (e.g. `openssl rand -base64 48`).');
    return Promise.resolve(new TextEncoder().encode(env));
  }
  let secret = secrets.get(store);
  if (!secret) {
    secret = loadOrCreate(store);
    secrets.set(store, secret);
    secret.catch(() => secrets.delete(store));
  }
  return secret;
}

async function loadOrCreate(store: Store): Promise<Uint8Array> {
  // Two instances starting together both insert; the first wins and both read the winner.
  await store.query(`INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [
    NAME,
    randomBytes(48).toString('base64url'),
  ]);
  const [row] = await store.query<{ value: string }>(`SELECT value FROM server_secrets WHERE name = $1`, [NAME]);
  return new TextEncoder().encode(row!.value);
}
