import { GraphQLError } from 'graphql';
import type { IncomingMessage } from 'node:http';

export interface TenantOptions {
  /**
   * Let requests from loopback that carry no credentials act as tenant `default` (or the tenant named by an
   * `X-Rapport-Tenant` header), for `npm start` on a developer's machine.
   * @default false
   */
  dev?: boolean;
  /** @default 'default' */
  devTenant?: string;
}

const TENANT = /^[a-z0-9][a-z0-9_-]{0,62}$/;
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/**
 * Decides which tenant a request acts for. In-process calls (`yoga.fetch`, no socket) count as loopback.
 * Credentials (API keys, embed tokens) are not accepted yet, so outside dev mode every request is refused.
 */
export function resolveTenant(request: Request, req: IncomingMessage | undefined, options: TenantOptions): string {
  const fromLoopback = !req || LOOPBACK.has(req.socket.remoteAddress ?? '');
  const credentials = request.headers.get('authorization');
  if (credentials) throw unauthenticated('API keys and embed tokens are not supported by this server yet; run it with --dev on loopback.');
  if (!options.dev) throw unauthenticated('This request carries no credentials. Send `Authorization: Bearer <key>`.');
  if (!fromLoopback) throw unauthenticated('Requests without credentials are only accepted from this machine (dev mode).');
  const tenant = request.headers.get('x-rapport-tenant') ?? options.devTenant ?? 'default';
  if (!TENANT.test(tenant)) throw new GraphQLError(`"${tenant}" is not a tenant id.`, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
  return tenant;
}
