import { maskError } from 'graphql-yoga';
import type { GraphQLError } from 'graphql';
import type { Logger } from './logger';

type MaskError = (error: unknown, message: string, isDev?: boolean) => Error;

/**
 * yoga's own masking (clients see `Unexpected error.` with INTERNAL_SERVER_ERROR), plus a log line at error level
 * with the real message and stack: the request log records only the code, so without this a bug leaves no trace.
 */
export function loggedMaskError(logger: Logger): MaskError {
  return (error, message, isDev) => {
    const masked = maskError(error, message, isDev);
    if (masked !== error) {
      const graphql = error as Partial<GraphQLError>;
      const original = graphql.originalError ?? error;
      logger.error({ err: original, path: graphql.path?.join('.') }, 'unexpected error');
    }
    return masked;
  };
}

