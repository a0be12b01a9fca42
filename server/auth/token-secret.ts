/**
 * The HS256 key embed tokens are signed with: `RAPPORT_TOKEN_SECRET` when set (every instance of a deployment
 * must share it), else one generated on first use and kept in the store, so tokens survive restarts and are
 * accepted by every instance on the same database.
 */
import type { Store } from '../store';
import { serverSecret } from './server-secrets';

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
    secret = serverSecret(store, NAME, 48).then((value) => new TextEncoder().encode(value));
    secrets.set(store, secret);
    secret.catch(() => secrets.delete(store));
  }
  return secret;
}
