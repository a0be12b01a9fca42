/**
 * The store: the one small interface the rest of Rapport talks to. Two implementations speak the same SQL
 * dialect — PGlite (embedded, the default) and PostgreSQL through `pg` — so every query and migration runs on both.
 *
 * Values come back normalised the same way on both: bigint and numeric as JS numbers, `date` as `YYYY-MM-DD`,
 * `timestamptz` as `Date`. Exact decimal sums are asked for as `::text` where a cent matters.
 */

export type Row = Record<string, unknown>;

export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /**
   * Only on stores no other process can write (PGlite holds its directory's lock): a count of the transactions
   * that have ended. While it is unchanged nothing has committed, so a value read earlier still holds and caches
   * may skip asking again. Absent on shared stores (PostgreSQL), where other processes write.
   */
  writeEpoch?(): number;
}

export interface Tx extends Queryable {
  /** Bulk-loads rows in PostgreSQL's COPY text format (`copy-text.ts`), or binary rows (`copy-binary.ts`). */
  copyIn(table: string, columns: readonly string[], rows: string | Uint8Array, format?: CopyFormat): Promise<void>;
  /**
   * Opens one COPY for many writes; until `end` the transaction must run nothing else. On PostgreSQL the rows stream
   * to the server, which loads them as they come, with no statement boundary (and so no wait for us) between writes.
   * `binary`: rows come in the binary format (`copy-binary.ts`, without header and trailer, which the store adds).
   */
  openCopy(table: string, columns: readonly string[], format?: CopyFormat): Promise<CopyWriter>;
}

export type CopyFormat = 'text' | 'binary';

export interface CopyWriter {
  /**
   * Sends rows in the COPY's format (text as a string, binary as bytes); resolves once the connection has taken them
   * (it waits while it is full).
   */
  write(rows: string | Uint8Array): Promise<void>;
  /** Ends the COPY; resolves once the database has loaded every row, rejects with its error if it refused one. */
  end(): Promise<void>;
  /** Gives the COPY up (the database discards its rows), so the transaction can run statements again. */
  abort(): Promise<void>;
}

export interface Store extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Where the data lives, for messages: a directory, `memory`, or a URL without its password. */
  readonly location: string;
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * The same store with every statement run for one tenant under row-level security (see `tenant-scope.ts`).
   * Memoised per tenant; closing it closes nothing.
   */
  forTenant(tenant: string): Store;
  close(): Promise<void>;
}

/** A store that is opened but not usable by this process: held by a live server, unreachable, and so on. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    message: string,
    readonly code: 'STORE_BUSY' | 'STORE_UNREACHABLE' | 'STORE_MIGRATION_FAILED' | 'STORE_TENANT_INVALID',
  ) {
    super(message);
  }
}
