import { StoreError } from './store';

/** Errors of the connection (node's and pg's), not of a statement: the database is down, hung or out of connections. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);
const PG_MESSAGES = /^(timeout exceeded when trying to connect|Query read timeout|Connection terminated|Client has encountered a connection error|Client was closed and is not queryable|Cannot use a pool after calling end)/;

/**
 * Whether `err` says the store cannot be reached (refused, reset, no answer in time, PostgreSQL shutting down or out
 * of connections) rather than that a statement failed. Such failures are answered `UNAVAILABLE` (HTTP 503).
 */
export function isStoreUnavailable(err: unknown): boolean {
  if (err instanceof StoreError) return err.code === 'STORE_UNREACHABLE';
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code)) return true;
    // SQLSTATE class 08 (connection exception), admin/crash shutdown, cannot connect now, too many connections.
    if (/^08...$/.test(code) || ['57P01', '57P02', '57P03', '53300'].includes(code)) return true;
  }
  return PG_MESSAGES.test(err.message);
}
