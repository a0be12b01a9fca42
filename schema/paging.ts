import type { DefaultConnectionArguments } from '@pothos/plugin-relay';
import { userError } from './errors';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** Validates Relay paging arguments: sizes within 0..500, not both `first` and `last`. */
export function checkPageArgs(args: DefaultConnectionArguments): void {
  for (const key of ['first', 'last'] as const) {
    const size = args[key];
    if (size == null) continue;
    if (size < 0) throw userError('BAD_USER_INPUT', `\`${key}\` must not be negative.`);
    if (size > MAX_PAGE_SIZE) {
      throw userError('PAGE_SIZE_EXCEEDED', `\`${key}\` is ${size}; pages hold at most ${MAX_PAGE_SIZE} items.`, {
        max: MAX_PAGE_SIZE,
      });
    }
  }
  if (args.first != null && args.last != null) throw userError('BAD_USER_INPUT', 'Pass `first` or `last`, not both.');
}

export const pageOptions = { defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE } as const;

/**
 * Opaque cursors: base64url of a small JSON value. A store id in a cursor goes in as the row's global id, so a
 * cursor shows no more than the page it came from (server/auth/global-ids.ts).
 */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** The cursor's value as `parse` reads it; `parse` returns undefined for a value no page of this connection gave out. */
export function decodeCursor<T>(cursor: string, parse: (value: unknown) => T | undefined): T {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const parsed = value === undefined ? undefined : parse(value);
  if (parsed === undefined) throw userError('BAD_USER_INPUT', `"${cursor}" is not a cursor this connection gave out.`);
  return parsed;
}

/**
 * Pothos's cursor connections give an empty page `""` cursors (or the `after` it was asked with), which look like
 * cursors but resume nothing: an empty page has null ones, as Relay's PageInfo allows.
 */
export function emptyPageCursors<C extends { edges: readonly unknown[]; pageInfo: { startCursor?: string | null; endCursor?: string | null } }>(
  connection: C,
): C {
  if (connection.edges.length > 0) return connection;
  return { ...connection, pageInfo: { ...connection.pageInfo, startCursor: null, endCursor: null } };
}
