/**
 * Embed tokens: short-lived, read-only JWTs (HS256, `jose`) a vendor's backend mints with its key for a widget in
 * a browser. A token names its tenant, the key that minted it, and optionally the one origin it may be used from,
 * the customers (global ids) it may look at, and the embed operations (by name) it may run.
 */
import { randomBytes } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';

/** Fifteen minutes: a leaked token is worth little, and widgets refresh through `getToken`. */
export const MAX_TOKEN_TTL_SECONDS = 900;
const ISSUER = 'rapport';
const AUDIENCE = 'rapport-embed';

export interface EmbedGrant {
  tenant: string;
  /** The key that minted the token: rate limits and audit trail name it. */
  keyId: string;
  origin?: string | null;
  customers?: readonly string[] | null;
  /** Names of the embed operations the token may run (embed-operations.ts); null or absent for all of them. */
  operations?: readonly string[] | null;
}

export interface EmbedToken extends EmbedGrant {
  /** The token's own id (`jti`), never the token. */
  id: string;
  expiresAt: Date;
}

export class TokenError extends Error {
  override readonly name = 'TokenError';
  constructor(
    message: string,
    readonly reason: 'expired' | 'invalid' | 'ttl',
  ) {
    super(message);
  }
}

const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
export const looksLikeToken = (text: string) => JWT.test(text);

export async function signEmbedToken(secret: Uint8Array, grant: EmbedGrant, ttlSeconds = MAX_TOKEN_TTL_SECONDS) {
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > MAX_TOKEN_TTL_SECONDS) {
    throw new TokenError(`An embed token lives 1 to ${MAX_TOKEN_TTL_SECONDS} seconds, not ${ttlSeconds}.`, 'ttl');
  }
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = { ten: grant.tenant, scope: 'read' };
  if (grant.origin) claims.org = grant.origin;
  if (grant.customers) claims.cus = [...grant.customers];
  if (grant.operations) claims.ops = [...grant.operations];
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(grant.keyId)
    .setJti(randomBytes(12).toString('base64url'))
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(secret);
  return { token, expiresAt: new Date((now + ttlSeconds) * 1000) };
}

export async function verifyEmbedToken(secret: Uint8Array, token: string): Promise<EmbedToken> {
  try {
    const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
    const { ten, org, cus, ops, sub, jti, exp, iat } = payload as Record<string, unknown>;
    const strings = (v: unknown) => v === undefined || (Array.isArray(v) && v.every((c) => typeof c === 'string'));
    const valid =
      typeof ten === 'string' && typeof sub === 'string' && typeof jti === 'string' && typeof exp === 'number' &&
      typeof iat === 'number' && exp - iat <= MAX_TOKEN_TTL_SECONDS &&
      (org === undefined || typeof org === 'string') &&
      strings(cus) && strings(ops);
    if (!valid) throw new TokenError('This embed token is not one Rapport issued.', 'invalid');
    return {
      tenant: ten, keyId: sub, id: jti, origin: org ?? null,
      customers: (cus as string[] | undefined) ?? null,
      operations: (ops as string[] | undefined) ?? null,
      expiresAt: new Date(exp * 1000),
    };
  } catch (err) {
    if (err instanceof TokenError) throw err;
    if (err instanceof errors.JWTExpired) throw new TokenError('This embed token has expired; ask the page for a fresh one.', 'expired');
    throw new TokenError('This embed token is not one Rapport issued (bad signature or claims).', 'invalid');
  }
}
