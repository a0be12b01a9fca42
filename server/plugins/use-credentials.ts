import type { Plugin } from 'graphql-yoga';
import { GraphQLError } from 'graphql';
import type { IncomingMessage } from 'node:http';
import { authError, errorResponse, STORE_UNAVAILABLE_MESSAGE } from '../auth/auth-error';
import { authenticate, type CredentialOptions, type Principal } from '../auth/credentials';
import { noteFailure } from '../observability/request-facts';
import { withQueryTimeout } from '../store/query-timeout';
import { isStoreUnavailable } from '../store/store-unavailable';

/** How long each statement checking a credential may take before the request is answered UNAVAILABLE. */
export const AUTH_QUERY_TIMEOUT_MS = 5000;

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
 * Answers name the tenant acted for in `X-Rapport-Tenant`. A store that cannot be reached (or does not answer within
 * AUTH_QUERY_TIMEOUT_MS) is answered `UNAVAILABLE` (503), any other failure `INTERNAL_SERVER_ERROR` (500), both as
 * GraphQL errors without the real message, which goes to the request's log line (`failure`).
 */
export function useCredentials(options: CredentialOptions & { endpoint: string }): Plugin {
  return {
    async onRequest({ request, url, serverContext, fetchAPI, endResponse }) {
      const { req } = serverContext as { req?: IncomingMessage };
      if (request.method === 'OPTIONS' || url.pathname !== options.endpoint) return;
      try {
        principals.set(request, await withQueryTimeout(AUTH_QUERY_TIMEOUT_MS, () => authenticate(request, req, options)));
      } catch (err) {
        if (err instanceof GraphQLError && err.extensions.http) return endResponse(errorResponse(fetchAPI.Response, err));
        // Thrown from here it would escape yoga's masking: a text/plain 500 with the database's host and a stack.
        noteFailure(request, err);
        const refusal = isStoreUnavailable(err)
          ? authError('UNAVAILABLE', STORE_UNAVAILABLE_MESSAGE)
          : authError('INTERNAL_SERVER_ERROR', 'Unexpected error.');
        return endResponse(errorResponse(fetchAPI.Response, refusal));
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
