import type { Plugin } from 'graphql-yoga';
import { authError } from '../auth/auth-error';

/**
 * PostgreSQL text cannot hold U+0000: a NUL in any argument would fail deep in SQL as an unexpected error. It is
 * refused up front, in variables and in the document's literals alike, as the caller's mistake.
 */
export function useNoNul(): Plugin {
  return {
    onParams({ params }) {
      const literal = params.query !== undefined && /\0|\\u0000/i.test(params.query);
      if (literal || hasNul(params.variables)) {
        throw authError('BAD_USER_INPUT', 'Text arguments may not contain the NUL character (U+0000).');
      }
    },
  };
}

function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\0');
  if (depth > 32 || value === null || typeof value !== 'object') return false;
  for (const v of Array.isArray(value) ? value : Object.values(value)) if (hasNul(v, depth + 1)) return true;
  return Object.keys(value).some((k) => k.includes('\0'));
}
