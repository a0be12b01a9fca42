import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import { acquireDataLock, type ServedAdvice } from './data-lock';
import { endTurnIfLong } from './event-loop-turn';
import { scratchDir } from './scratch-dir';
import type { CopyFormat, Row, Store, Tx } from './store';
import { BINARY_HEADER, BINARY_TRAILER, checkCopyFormat } from './copy-binary';
import { checkCopyTenant, memoScopes, refuseOtherTenant as refuse, SCOPE_SQL, TENANT_ROLE, UNSCOPE_LOCAL_SQL, UNSCOPE_SQL } from './tenant-scope';

export interface PgliteStoreOptions {
  /** Data directory; omitted means in memory (tests): a throwaway directory on tmpfs, see `scratch-dir.ts`. */
  dir?: string;
  /** Who holds the directory: a server names itself in the lock so others can point at it. */
  role?: 'server' | 'cli';
  /** What a refused command should do when a server holds the directory (`data-lock.ts`). */
  whenServed?: ServedAdvice;
}

/** A statement that cannot write: a plain SELECT. Anything else outside a transaction moves the write epoch. */
const READ_ONLY = /^\s*SELECT\b/i;

const parsers = {
  [types.INT8]: Number,
  [types.NUMERIC]: Number,
  [types.DATE]: (value: string) => value,
};

export async function openPgliteStore(options: PgliteStoreOptions = {}): Promise<Store> {
  let release: () => void;
  let dataDir: string;
  if (options.dir) {
    dataDir = path.resolve(options.dir);
    mkdirSync(dataDir, { recursive: true });
    release = await acquireDataLock(dataDir, options.role ?? 'cli', options.whenServed);
  } else {
    const scratch = scratchDir(); // its own fresh directory: no lock to take
    dataDir = scratch.path;
    release = scratch.remove;
  }
  let db: PGlite;
  try {
    db = await PGlite.create(dataDir, { parsers });
  } catch (err) {
    release();
    throw err;
  }
  return new PgliteStore(db, options.dir ? dataDir : 'memory', release);
}

class PgliteStore implements Store {
  readonly kind = 'pglite' as const;
  #closed = false;

  constructor(
    private readonly db: PGlite,
    readonly location: string,
    private readonly release: () => void,
  ) {}

  /** Who PGlite's one connection acts as for its session: null for the owner, else a tenant (see postgres-store). */
  #session: string | null = null;
  /** Serialises "set the scope, then query" pairs, so no other caller's query slips in between. */
  #queue: Promise<unknown> = Promise.resolve();
  /** Transactions ended (committed or not): this process is the directory's only writer (see Queryable). */
  #epoch = 0;

  writeEpoch(): number {
    return this.#epoch;
  }

  /** Every write runs in a transaction; the epoch moves once it has ended, whatever its outcome. */
  #ended<T>(transaction: Promise<T>): Promise<T> {
    return transaction.finally(() => void this.#epoch++);
  }

  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    return this.run<T>(null, sql, params);
  }

  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    // Transactions exclude every query (PGlite's own lock), so the session scope cannot change under them.
    return this.#ended(
      this.db.transaction(async (t) => {
        if (this.#session !== null) await t.query(UNSCOPE_LOCAL_SQL);
        return fn(wrap(t));
      }),
    );
  }

  /**
   * Scoped queries switch the session's scope only when it changes (as on PostgreSQL): a request's queries cost
   * nothing extra. Scoped transactions take the scope for themselves with SET LOCAL.
   */
  readonly forTenant = memoScopes((tenant): Store => ({
    kind: this.kind,
    location: this.location,
    query: (sql, params) => this.run(tenant, sql, params),
    writeEpoch: () => this.#epoch,
    transaction: (fn) =>
      this.#ended(
        this.db.transaction(async (t) => {
          await t.query(SCOPE_SQL(true), [tenant]);
          return fn(wrap(t, tenant));
        }),
      ),
    forTenant: (other) => (other === tenant ? this.forTenant(tenant) : refuse(tenant, other)),
    close: async () => {},
  }));

  private run<T extends Row>(scope: string | null, sql: string, params?: readonly unknown[]): Promise<T[]> {
    const result = this.#queue.then(async () => {
      await endTurnIfLong();
      if (this.#session !== scope) {
        await (scope === null ? this.db.query(UNSCOPE_SQL) : this.db.query(SCOPE_SQL(false), [scope]));
        this.#session = scope;
      }
      try {
        return (await this.db.query<T>(sql, params as unknown[])).rows;
      } finally {
        if (!READ_ONLY.test(sql)) this.#epoch++;
      }
    });
    this.#queue = result.catch(() => {});
    return result;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    try {
      await this.db.close();
    } finally {
      this.release();
    }
  }
}

function wrap(t: Transaction, tenant?: string): Tx {
  const tx: Tx = {
    async query<T extends Row = Row>(sql: string, params?: readonly unknown[]) {
      await endTurnIfLong();
      return (await t.query<T>(sql, params as unknown[])).rows;
    },
    async copyIn(table, columns, rows, format = 'text') {
      await copyBlob(table, columns, rows, format);
    },
    // In process there is no connection to keep busy: each write is loaded as it comes.
    async openCopy(table, columns, format = 'text') {
      return {
        write: (rows) => copyBlob(table, columns, rows, format),
        end: async () => {},
        abort: async () => {},
      };
    },
  };
  async function copyBlob(table: string, columns: readonly string[], rows: string | Uint8Array, format: CopyFormat) {
    checkCopyFormat(rows, format);
    const blob = new Blob((format === 'binary' ? [BINARY_HEADER, rows, BINARY_TRAILER] : [rows]) as BlobPart[]);
    const options = format === 'binary' ? ' WITH (FORMAT binary)' : '';
    const copy = () => t.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'${options}`, [], { blob });
    if (tenant === undefined) return void (await copy());
    // COPY FROM is refused under row-level security: checked here, run as the owner (see tenant-scope.ts).
    checkCopyTenant(table, columns, rows, tenant);
    await t.query(`SELECT set_config('role', 'none', true)`);
    await copy();
    await t.query(`SELECT set_config('role', '${TENANT_ROLE}', true)`);
  }
  return tx;
}

