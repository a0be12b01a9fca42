import type { Plugin } from 'graphql-yoga';
import { GraphQLError } from 'graphql';
import type { IncomingMessage } from 'node:http';
import { authError, errorResponse } from '../auth/auth-error';
import { authenticate, type CredentialOptions, type Principal } from '../auth/credentials';

const principals = new WeakMap<Request, Principal>();

/** The principal `useCredentials` found for a request; a request it never saw is refused, not let through. */
export function principalOf(request: Request): Principal {
  const principal = principals.get(request);
  if (!principal) throw authError('UNAUTHENTICATED', 'This request was not authenticated.');
  return principal;
}

/**
 * Authenticates GraphQL requests before their body is read, so a refused caller costs no parsing and the rate
 * limit (next plugin) can count by key or token. Preflights and health checks carry no credentials and pass.
 * Answers name the tenant acted for in `X-Rapport-Tenant`.
 */
export function useCredentials(options: CredentialOptions & { endpoint: string }): Plugin {
  return {
    async onRequest({ request, url, serverContext, fetchAPI, endResponse }) {
      const { req } = serverContext as { req?: IncomingMessage };
      if (request.method === 'OPTIONS' || url.pathname !== options.endpoint) return;
      try {
        principals.set(request, await authenticate(request, req, options));
      } catch (err) {
        if (err instanceof GraphQLError && err.extensions.http) return endResponse(errorResponse(fetchAPI.Response, err));
        throw err;
      }
    },
    onResponse({ request, response }) {
      // Which tenant the request acted for, so a client with only a key (the CLI's `import --server`) can say so.
      const principal = principals.get(request);
      if (!principal) return;
      try {
        response.headers.set('x-rapport-tenant', principal.tenant);
      } catch {
        // An immutable response (never ours in practice): the caller learns nothing, which is safe.
      }
    },
  };
}
