import { isAsyncIterable, mapAsyncIterator, maskError, type Plugin } from 'graphql-yoga';
import { GraphQLError } from 'graphql';
import { STORE_UNAVAILABLE_MESSAGE } from '../auth/auth-error';
import { requestIdOf } from '../plugins/use-request-log';
import { isStoreUnavailable } from '../store/store-unavailable';
import { errorFacts } from './error-facts';
import type { Logger } from './logger';

type MaskError = (error: unknown, message: string, isDev?: boolean) => Error;

/** A masked error waits here for the request it belongs to (its id goes on the line), logged without one otherwise. */
const UNCLAIMED_MS = 1000;

/**
 * yoga's own masking (clients see `Unexpected error.` with INTERNAL_SERVER_ERROR; a store that cannot be reached is
 * `UNAVAILABLE`, HTTP 503), plus a log line at error level with the real message and stack, the request id and the
 * field's path: the request log records only the code, so without this a bug leaves no trace. The line keeps what
 * `errorFacts` keeps (SQLSTATE, constraint, table), never PostgreSQL's `detail`, which quotes row contents.
 *
 * yoga masks before a plugin sees the request, so `maskError` keeps the real error by the masked one and the
 * plugin logs it once the result reaches `onExecutionResult` (for a stream, as each result passes).
 */
export function unexpectedErrors(logger: Logger): { maskError: MaskError; plugin: Plugin } {
  const pending = new Map<Error, { facts: Record<string, unknown>; path?: string; timer: NodeJS.Timeout }>();
  const log = (masked: Error, reqId?: string) => {
    const entry = pending.get(masked);
    if (!entry) return;
    pending.delete(masked);
    clearTimeout(entry.timer);
    logger.error({ reqId, err: entry.facts, path: entry.path }, 'unexpected error');
  };
  const claim = (result: unknown, request: Request) => {
    for (const r of Array.isArray(result) ? result : [result]) {
      for (const e of (r as { errors?: readonly Error[] } | null)?.errors ?? []) log(e, requestIdOf(request));
    }
  };
  return {
    maskError(error, message, isDev) {
      const graphql = error as Partial<GraphQLError>;
      const original = graphql.originalError ?? error;
      const masked = isStoreUnavailable(original)
        ? new GraphQLError(STORE_UNAVAILABLE_MESSAGE, { path: graphql.path, extensions: { code: 'UNAVAILABLE', http: { status: 503 } } })
        : maskError(error, message, isDev);
      if (masked !== error) {
        const timer = setTimeout(() => log(masked), UNCLAIMED_MS);
        timer.unref();
        pending.set(masked, { facts: errorFacts(original), path: graphql.path?.join('.'), timer });
      }
      return masked;
    },
    plugin: {
      onExecutionResult({ result, setResult, request }) {
        if (!isAsyncIterable(result)) return claim(result, request);
        setResult(mapAsyncIterator(result, (value) => (claim(value, request), value)));
      },
    },
  };
}
