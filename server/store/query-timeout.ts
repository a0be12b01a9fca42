import { AsyncLocalStorage } from 'node:async_hooks';

const bound = new AsyncLocalStorage<number>();

/**
 * Runs `fn` with every PostgreSQL statement it makes (through any store) bounded to `ms`: one that has no answer by
 * then fails with `Query read timeout` and its connection is dropped. For the short, latency-bound uses (checking a
 * credential, `/readyz`), not a global `query_timeout`, which would also cut a large import (one transaction with
 * COPYs that take minutes) in half. PGlite, in process, ignores it.
 */
export function withQueryTimeout<T>(ms: number, fn: () => Promise<T>): Promise<T> {
  return bound.run(ms, fn);
}

/** The bound `withQueryTimeout` set for the current call, if any. */
export function queryTimeout(): number | undefined {
  return bound.getStore();
}
