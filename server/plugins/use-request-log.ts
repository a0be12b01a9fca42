import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../observability/logger';
import { factsOf, noteErrorResponse, noteOperation, noteResult, startFacts } from '../observability/request-facts';
import { tryPrincipalOf } from '../observability/principal';

export interface RequestLogOptions {
  logger: Logger;
  /** Logged at info; other paths (health, readiness, metrics) at debug so probes do not drown the log. @default '/graphql' */
  graphqlEndpoint?: string;
}

/** A caller's id is kept only if it looks like an id: it ends up in logs and response headers. */
const SAFE_ID = /^[\w.:@/+=-]{1,128}$/;
const ids = new WeakMap<Request, string>();

/** The request id the log uses for `request` (the caller's `X-Request-Id`, or one generated). */
export function requestIdOf(request: Request): string | undefined {
  return ids.get(request);
}

function assignId(request: Request): void {
  const given = request.headers.get('x-request-id');
  ids.set(request, given && SAFE_ID.test(given) ? given : randomUUID());
}

/**
 * One JSON log line per request with its id, echoed in `X-Request-Id` so a client's report can be matched to the
 * server's line. It records who asked by principal id (`key:<id>`, `token:<jti>`, `dev`), never a credential, a
 * header or a variable. Must come before plugins that may answer early, so their refusals are logged too.
 */
export function useRequestLog(options: RequestLogOptions): Plugin {
  const graphql = options.graphqlEndpoint ?? '/graphql';
  return {
    onRequest({ request }) {
      assignId(request);
      startFacts(request);
    },
    onExecute: ({ args }) => noteOperation(args),
    onSubscribe: ({ args }) => noteOperation(args),
    onResultProcess: ({ request, result }) => noteResult(request, result),
    async onResponse({ request, response, serverContext }) {
      // yoga answers /healthz before any plugin's onRequest: such a request gets its id (and line) here.
      const seen = ids.has(request);
      if (!seen) assignId(request);
      const reqId = ids.get(request)!;
      const f = factsOf(request) ?? startFacts(request);
      try {
        response.headers.set('x-request-id', reqId);
      } catch {
        // An immutable response (never ours in practice): the log line still carries the id.
      }
      await noteErrorResponse(request, response);
      const url = new URL(request.url);
      const req = (serverContext as { req?: IncomingMessage }).req;
      const line = {
        reqId,
        method: request.method,
        path: url.pathname,
        status: response.status,
        ms: seen ? Math.round((performance.now() - f.started) * 10) / 10 : undefined,
        operation: f.operation,
        operationName: f.operationName,
        principal: tryPrincipalOf(request),
        errors: f.errorCodes.length ? f.errorCodes : undefined,
        failure: f.failure,
        remote: req?.socket?.remoteAddress,
      };
      if (url.pathname !== graphql) options.logger.debug(line, 'request');
      else if (response.status >= 500) options.logger.error(line, 'request');
      else options.logger.info(line, 'request');
    },
  };
}
