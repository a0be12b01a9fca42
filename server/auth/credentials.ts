/**
 * Who a request acts for. `Authorization: Bearer <key or embed token>` names a tenant and a scope; without it,
 * only `--dev` on loopback is let in (as tenant `default`, or `X-Rapport-Tenant`). Every refusal says what is
 * wrong in words and never repeats the credential.
 */
import type { IncomingMessage } from 'node:http';
import type { Store } from '../store';
import { TENANT_ID, tenantIdMessage } from '../store/tenant-scope';
import { authError } from './auth-error';
import { keyStatus } from './key-status';
import { isLoopbackAddress, isLoopbackHost, isLoopbackOrigin } from './loopback';
import { looksLikeKey, verifyKey, type KeyScope } from './keys';
import { tenantOrigins } from './tenants';
import { looksLikeToken, TokenError, verifyEmbedToken } from './tokens';

export interface Principal {
  tenant: string;
  kind: 'dev' | 'key' | 'token';
  scope: KeyScope;
  /** What rate limits count and logs name: `key:<id>`, `token:<jti>` or `dev`. Never a secret. */
  id: string;
  /** The key itself or the key that minted the token. */
  keyId: string;
  /** Tokens: the one origin the token may be used from. */
  origin?: string | null;
  /** Tokens: the customers (global ids) the token may look at; null for all. */
  customers?: readonly string[] | null;
  /** Tokens: the embed operations (names) the token may run; null for all. */
  operations?: readonly string[] | null;
  /** Tokens: when it stops being good (a live stream it opened ends then too). */
  expiresAt?: Date;
}

export interface CredentialOptions {
  store: Store;
  /** The embed-token signing key (see token-secret.ts). */
  secret: () => Promise<Uint8Array>;
  /**
   * Let requests from loopback that carry no credentials act as tenant `default` (or the tenant named by an
   * `X-Rapport-Tenant` header), for `npm start` on a developer's machine.
   * @default false
   */
  dev?: boolean;
  /** @default 'default' */
  devTenant?: string;
}

/** The `keyId` of dev-mode principals (and of the tokens they mint): never a real key's id, which has 12 characters. */
const DEV_KEY_ID = 'dev';
const BEARER = /^Bearer ([\x21-\x7e]{1,4096})$/;

/** In-process calls (`yoga.fetch`, no socket) count as loopback. */
export async function authenticate(request: Request, req: IncomingMessage | undefined, options: CredentialOptions): Promise<Principal> {
  const header = request.headers.get('authorization');
  if (header === null) return devPrincipal(request, req, options);
  const credential = BEARER.exec(header)?.[1];
  if (!credential) throw authError('UNAUTHENTICATED', 'The Authorization header must be `Bearer <API key or embed token>`.');
  if (looksLikeKey(credential)) {
    const key = await verifyKey(options.store, credential);
    if (!key) throw authError('UNAUTHENTICATED', 'This API key is not valid. Check that it was copied whole, or create one with `rapport key create`.');
    if (key.revoked) throw authError('UNAUTHENTICATED', `API key rpk_${key.id} was revoked; create a new one with \`rapport key create\`.`);
    return { tenant: key.tenant, kind: 'key', scope: key.scope, id: `key:${key.id}`, keyId: key.id };
  }
  if (!looksLikeToken(credential)) throw authError('UNAUTHENTICATED', 'The bearer credential is neither a Rapport API key (rpk_…) nor an embed token.');
  let token;
  try {
    token = await verifyEmbedToken(await options.secret(), credential);
  } catch (err) {
    if (err instanceof TokenError) throw authError('UNAUTHENTICATED', err.message);
    throw err;
  }
  await checkMintingKey(token.keyId, token.tenant, options);
  await checkOrigin(request, token.tenant, token.origin ?? null, options.store);
  return { tenant: token.tenant, kind: 'token', scope: 'read', id: `token:${token.id}`, keyId: token.keyId, origin: token.origin, customers: token.customers, operations: token.operations, expiresAt: token.expiresAt };
}

/** A token lives no longer than its key: revoked (or deleted) keys recall their tokens within KEY_STATUS_TTL_MS. */
async function checkMintingKey(keyId: string, tenant: string, options: CredentialOptions): Promise<void> {
  // Minted in dev mode (no key): good only on a server that is itself in dev mode.
  if (keyId === DEV_KEY_ID) {
    if (options.dev) return;
    throw authError('UNAUTHENTICATED', 'This embed token was minted by a dev-mode server without a key; mint one with an API key.');
  }
  const status = await keyStatus(options.store, keyId, tenant);
  if (status === 'revoked') throw authError('UNAUTHENTICATED', `The API key rpk_${keyId} that minted this embed token was revoked; mint a new token with a live key.`);
  if (status === 'gone') throw authError('UNAUTHENTICATED', 'The API key that minted this embed token no longer exists.');
}

/**
 * A token is for one page: bound to an origin it is refused from any other (and from no origin); unbound, a
 * browser may still only use it from one of the tenant's allowed origins.
 */
async function checkOrigin(request: Request, tenant: string, bound: string | null, store: Store): Promise<void> {
  const origin = request.headers.get('origin');
  if (bound !== null) {
    if (origin !== bound) throw authError('FORBIDDEN', 'This embed token is bound to another origin than the page using it.');
    return;
  }
  if (origin !== null && !(await tenantOrigins(store, tenant)).includes(origin)) {
    throw authError('FORBIDDEN', `${origin} is not among the tenant's allowed origins (\`rapport tenant origins --add\`).`);
  }
}

function devPrincipal(request: Request, req: IncomingMessage | undefined, options: CredentialOptions): Principal {
  if (!options.dev) throw authError('UNAUTHENTICATED', 'This request carries no credentials. Send `Authorization: Bearer <key>`.');
  // In-process calls (no socket) are this process's own.
  if (req && !isLoopbackAddress(req.socket.remoteAddress)) {
    throw authError('UNAUTHENTICATED', 'Requests without credentials are only accepted from this machine (dev mode).');
  }
  if (req && !isLoopbackHost(request.headers.get('host'))) {
    throw authError('UNAUTHENTICATED', 'Requests without credentials must be addressed to localhost or 127.0.0.1 (dev mode).');
  }
  const origin = request.headers.get('origin');
  if (origin !== null && !isLoopbackOrigin(origin)) {
    throw authError('FORBIDDEN', `Dev mode answers pages served from this machine only; a page from ${origin.slice(0, 200)} needs an API key or an embed token.`);
  }
  const tenant = request.headers.get('x-rapport-tenant') ?? options.devTenant ?? 'default';
  if (!TENANT_ID.test(tenant)) throw authError('BAD_USER_INPUT', tenantIdMessage(tenant));
  return { tenant, kind: 'dev', scope: 'write', id: 'dev', keyId: DEV_KEY_ID };
}
