import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { StoreError, type Row, type Store, type Tx } from './store';

export interface PostgresStoreOptions {
  url: string;
  /** @default 10 */
  poolSize?: number;
}

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const typeParsers: Record<number, (value: string) => unknown> = { [INT8]: Number, [NUMERIC]: Number, [DATE]: (v) => v };
const getTypeParser = ((oid: number, format?: string) =>
  typeParsers[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser;

export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, types: { getTypeParser } });
  // An idle client's error (the server restarting) must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  try {
    await pool.query('SELECT 1');
  } catch (err) {
    await pool.end();
    throw new StoreError(`Cannot reach PostgreSQL at ${redact(options.url)}: ${(err as Error).message}`, 'STORE_UNREACHABLE');
  }
  return new PostgresStore(pool, redact(options.url));
}

class PostgresStore implements Store {
  readonly kind = 'postgres' as const;

  constructor(
    private readonly pool: pg.Pool,
    readonly location: string,
  ) {}

  async query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    return (await this.pool.query(sql, params as unknown[])).rows as T[];
  }

  async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(wrap(client));
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

function wrap(client: pg.PoolClient): Tx {
  return {
    async query<T extends Row = Row>(sql: string, params?: readonly unknown[]) {
      return (await client.query(sql, params as unknown[])).rows as T[];
    },
    async copyIn(table, columns, text) {
      const sink = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
      await pipeline(Readable.from([text]), sink);
    },
  };
}

/** A connection URL fit for messages and logs: the password never leaves this function. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the configured database';
  }
}
