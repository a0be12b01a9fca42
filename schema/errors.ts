import { GraphQLError } from 'graphql';

/** The error codes clients can rely on, in `extensions.code`. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'PAGE_SIZE_EXCEEDED'
  | 'BATCH_TOO_LARGE'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  /** A live stream fell too far behind and ended; `extensions.resumeAfter` is where to catch up from. */
  | 'STREAM_OVERFLOW';

const STATUS: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403 };

export function userError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  const status = STATUS[code];
  return new GraphQLError(message, { extensions: { code, ...extra, ...(status ? { http: { status } } : {}) } });
}
