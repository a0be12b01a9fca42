import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { once } from 'node:events';
import { StoreError, type Row, type Store, type Tx } from './store';
import { BINARY_HEADER, BINARY_TRAILER, checkCopyFormat } from './copy-binary';
import { checkCopyTenant, memoScopes, refuseOtherTenant, SCOPE_SQL, TENANT_ROLE, UNSCOPE_SQL } from './tenant-scope';
import { queryTimeout } from './query-timeout';
import { isStoreUnavailable } from './store-unavailable';
import { redactUrl } from '../redact-url';

/**
 * Who each pooled connection acts as for its session: null for the owner, else a tenant under `rapport_app`.
 * Scoping at session level and switching only when a connection changes hands costs no round trip while a
 * connection keeps serving one tenant, and one when it changes; `SET LOCAL` per statement would cost three.
 */
type Scope = string | null;

export interface PostgresStoreOptions {
  url: string;
  /** @default 10 */
  poolSize?: number;
  /**
   * How long opening a connection, or waiting for one of the pool's, may take before the caller is told the
   * database is unavailable (a server that accepts and never answers would otherwise hold it for ever).
   * Statements have no global bound (imports run long transactions); short uses bound theirs with
   * `withQueryTimeout`. @default 10000
   */
  connectTimeoutMs?: number;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const typeParsers: Record<number, (value: string) => unknown> = { [INT8]: Number, [NUMERIC]: Number, [DATE]: (v) => v };
const getTypeParser = ((oid: number, format?: string) =>
  typeParsers[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser;

export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    types: { getTypeParser },
    connectionTimeoutMillis: connectTimeoutMs,
  });
  // An idle client's error (the server restarting) must not crash the process; the next query reconnects. Nor may
  // the error of a checked-out client between two statements (pg emits it when no query is active to take it): its
  // next statement fails (`not queryable`), and the connection is dropped then.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  try {
    await pool.query({ text: 'SELECT 1', query_timeout: connectTimeoutMs } as pg.QueryConfig);
  } catch (err) {
    await pool.end().catch(() => {});
    const message = (err as Error).message;
    const why = /^(timeout exceeded when trying to connect|Query read timeout|Connection terminated due to connection timeout)/.test(message)
      ? `no answer within ${connectTimeoutMs / 1000} s`
      : message;
    throw new StoreError(`Cannot reach PostgreSQL at ${redact(options.url)}: ${why}.`, 'STORE_UNREACHABLE');
  }
  return new PostgresStore(pool, redact(options.url));
}

/**
 * A statement as pg takes it, bounded when the caller runs under `withQueryTimeout` (pg reads `query_timeout` per
 * query, though its types do not list it).
 */
function statement(text: string, values?: readonly unknown[]): pg.QueryConfig {
  const bound = queryTimeout();
  return { text, values: values as unknown[], ...(bound ? { query_timeout: bound } : {}) } as pg.QueryConfig;
}

class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly #scopes = new WeakMap<pg.PoolClient, Scope>();

  constructor(
    private readonly pool: pg.Pool,
    readonly location: string,
  ) {}

  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    return this.run(null, sql, params);
  }

  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.inTransaction(null, fn);
  }

  readonly forTenant = memoScopes((tenant): Store => ({
    kind: this.kind,
    location: this.location,
    query: (sql, params) => this.run(tenant, sql, params),
    transaction: (fn) => this.inTransaction(tenant, fn),
    forTenant: (other) => (other === tenant ? this.forTenant(tenant) : refuseOtherTenant(tenant, other)),
    close: async () => {},
  }));

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async connect(scope: Scope): Promise<pg.PoolClient> {
    const client = await this.pool.connect();
    try {
      if ((this.#scopes.get(client) ?? null) !== scope) {
        // Outside any transaction, so a later ROLLBACK cannot undo it behind the bookkeeping's back.
        await client.query(scope === null ? statement(UNSCOPE_SQL) : statement(SCOPE_SQL(false), [scope]));
        this.#scopes.set(client, scope);
      }
      return client;
    } catch (err) {
      client.release(err as Error);
      throw err;
    }
  }

  private async run<T extends Row>(scope: Scope, sql: string, params?: readonly unknown[]): Promise<T[]> {
    const client = await this.connect(scope);
    let broken: Error | undefined;
    try {
      return (await client.query(statement(sql, params))).rows as T[];
    } catch (err) {
      // A statement that timed out is still running on that connection, and a broken one is of no further use.
      if (isStoreUnavailable(err)) broken = err as Error;
      throw err;
    } finally {
      client.release(broken);
    }
  }

  private async inTransaction<T>(scope: Scope, fn: (tx: Tx) => Promise<T>): Promise<T> {
    const client = await this.connect(scope);
    let broken: Error | undefined;
    try {
      await client.query(statement('BEGIN'));
      const result = await fn(wrap(client, scope));
      await client.query(statement('COMMIT'));
      return result;
    } catch (err) {
      // No ROLLBACK on a connection that timed out or broke: it would wait behind the statement still running.
      if (isStoreUnavailable(err)) broken = err as Error;
      else await client.query('ROLLBACK').catch((rollback: Error) => (broken = rollback));
      throw err;
    } finally {
      client.release(broken);
    }
  }
}

function wrap(client: pg.PoolClient, scope: Scope): Tx {
  const tx: Tx = {
    async query<T extends Row = Row>(sql: string, params?: readonly unknown[]) {
      return (await client.query(statement(sql, params))).rows as T[];
    },
    async copyIn(table, columns, rows, format = 'text') {
      const copy = await tx.openCopy(table, columns, format);
      try {
        await copy.write(rows);
      } catch (err) {
        await copy.abort();
        throw err;
      }
      await copy.end();
    },
    async openCopy(table, columns, format = 'text') {
      // COPY FROM is refused under row-level security: rows are checked here, run as the owner (tenant-scope.ts).
      if (scope !== null) await client.query(`SELECT set_config('role', 'none', true)`);
      const binary = format === 'binary';
      const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN${binary ? ' WITH (FORMAT binary)' : ''}`));
      if (binary) stream.write(BINARY_HEADER);
      let failure: Error | undefined;
      // 'finish' comes once the server has confirmed the COPY; 'error' when it refused a row or the connection broke.
      const finished = new Promise<void>((resolve, reject) => {
        stream.on('finish', resolve);
        stream.on('error', (err: Error) => reject((failure = err)));
      });
      finished.catch(() => {}); // surfaced by write or end
      const giveUp = async () => {
        // pg-copy-streams answers a destroyed stream with CopyFail: the server ends the COPY with an error.
        if (!failure) stream.destroy(new Error('rapport/store: COPY given up'));
        await finished.catch(() => {});
      };
      return {
        async write(rows) {
          if (failure) throw failure;
          checkCopyFormat(rows, format);
          if (scope !== null) {
            try {
              checkCopyTenant(table, columns, rows, scope);
            } catch (err) {
              await giveUp(); // a refused write must not leave the connection inside the COPY
              throw err;
            }
          }
          if (!stream.write(rows)) await Promise.race([once(stream, 'drain'), finished]);
          if (failure) throw failure;
        },
        async end() {
          stream.end(binary ? BINARY_TRAILER : undefined);
          await finished;
          if (scope !== null) await client.query(`SELECT set_config('role', '${TENANT_ROLE}', true)`);
        },
        abort: giveUp,
      };
    },
  };
  return tx;
}

/** A connection URL fit for messages and logs: no password (of `user:password@` or `?password=`) leaves this function. */
export function redact(url: string): string {
  return redactUrl(url, 'the configured database');
}
