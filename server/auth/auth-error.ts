import { GraphQLError } from 'graphql';

/** The codes a refused request carries in `extensions.code`, with their HTTP status. */
export const AUTH_STATUS = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  OPERATION_NOT_ALLOWED: 403,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  QUERY_TOO_COMPLEX: 400,
  BAD_USER_INPUT: 400,
  /** The store cannot be reached (refused, no answer in time): nothing is wrong with the request; try again. */
  UNAVAILABLE: 503,
  /** A failure the caller can do nothing about; the server logs the real message under the request id. */
  INTERNAL_SERVER_ERROR: 500,
} as const;

/** What a client is told when the store cannot be reached; the real reason (with the host) stays in the log. */
export const STORE_UNAVAILABLE_MESSAGE = 'The database is unavailable; try again shortly.';

export type AuthErrorCode = keyof typeof AUTH_STATUS;

/**
 * A refusal the client can act on. Messages name what is wrong and what to do, never the credential itself:
 * keys and tokens must not reach logs or responses.
 */
export function authError(code: AuthErrorCode, message: string, headers?: Record<string, string>): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: AUTH_STATUS[code], ...(headers ? { headers } : {}) } } });
}

/** The same refusal as a finished HTTP response, for plugins that answer before GraphQL runs. */
export function errorResponse(Response: typeof globalThis.Response, error: GraphQLError): Response {
  const http = error.extensions.http as { status: number; headers?: Record<string, string> };
  const body = JSON.stringify({ errors: [{ message: error.message, extensions: { code: error.extensions.code } }] });
  return new Response(body, { status: http.status, headers: { 'content-type': 'application/json; charset=utf-8', ...http.headers } });
}
