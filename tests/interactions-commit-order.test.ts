/**
 * `Interaction.sequence` numbers a tenant's interactions in the order they were written, and
 * `interactions(addedAfter:)` catches up by it, so a tenant's interactions must commit in that order. Two writers at
 * once on PostgreSQL: the second waits until the first commits, rather than taking later numbers and committing
 * first — which would let a client that heard of the second skip the first.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRows } from '../server/ingest/import-rows';
import type { InteractionRecord, ParsedRow } from '../server/ingest/types';
import type { Store } from '../server/store';
import { openFreshPostgres } from './support/stores';

const url = process.env.TEST_DATABASE_URL;
if (!url && process.env.CI) throw new Error('TEST_DATABASE_URL must be set in CI: the PostgreSQL store is tested there.');

const record = (externalId: string): InteractionRecord => ({
  externalId, channel: 'chat', occurredAt: new Date('2024-05-01T10:00:00Z'), text: `text of ${externalId}`, customerExternalId: 'c1',
});

/** Rows that stop after the first `first`, until `release` is called. */
function pausedRows(ids: string[], first: number) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  async function* rows(): AsyncGenerator<ParsedRow<InteractionRecord>> {
    for (const [i, id] of ids.entries()) {
      if (i === first) await gate;
      yield { line: i + 1, record: record(id) };
    }
  }
  return { rows: rows(), release };
}

describe.skipIf(!url)('interactions commit in id order on PostgreSQL', () => {
  let store: Store;
  let admin: pg.Client;
  beforeAll(async () => {
    store = await openFreshPostgres(url!);
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    // The tenant and its customer exist before the race (a writer creating them would hold their rows instead).
    await importRows(store, 'interactions', (async function* () {
      yield { line: 1, record: record('seed') };
    })(), { tenant: 'acme' });
  });
  afterAll(async () => {
    await admin?.end();
    await store?.close();
  });

  /** Advisory locks on the store's database: held (granted) or waited for. */
  const advisory = async (granted: boolean) => {
    const { rows } = await admin.query(
      `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database
       WHERE l.locktype = 'advisory' AND l.granted = $2 AND d.datname = $1`,
      [new URL(store.location).pathname.slice(1), granted],
    );
    return rows[0].n as number;
  };
  const lockHolders = () => advisory(true);
  const waitingOnLock = () => advisory(false);

  it('makes a second writer of the same tenant wait for the first, and gives it the later ids', async () => {
    const long = pausedRows(['l1', 'l2', 'l3', 'l4'], 2);
    // Batches of 2: the first two rows are written (their ids taken) while the rest wait behind the gate.
    const first = importRows(store, 'interactions', long.rows, { tenant: 'acme', batchSize: 2 });
    let firstDone = false;
    void first.then(() => (firstDone = true), () => {});
    await expect.poll(lockHolders, { timeout: 30_000 }).toBe(1); // its first batch is written, its ids taken

    const second = importRows(store, 'interactions', (async function* () {
      yield { line: 1, record: record('s1') };
    })(), { tenant: 'acme' });
    let secondDone = false;
    void second.then(() => (secondDone = true), () => {});
    await expect.poll(waitingOnLock, { timeout: 30_000 }).toBe(1);
    expect(secondDone).toBe(false);

    long.release();
    await Promise.all([first, second]);
    expect(firstDone && secondDone).toBe(true);
    const rows = await store.query<{ external_id: string; sequence: number }>(
      `SELECT external_id, sequence FROM interactions WHERE tenant_id = 'acme' ORDER BY id`,
    );
    expect(rows.map((r) => `${r.external_id}:${r.sequence}`)).toEqual(['seed:1', 'l1:2', 'l2:3', 'l3:4', 'l4:5', 's1:6']);
  });

  it('lets writers of other tenants through', async () => {
    const long = pausedRows(['x1', 'x2', 'x3'], 2);
    const first = importRows(store, 'interactions', long.rows, { tenant: 'acme', batchSize: 2 });
    await expect.poll(lockHolders, { timeout: 30_000 }).toBe(1);
    const other = await importRows(store, 'interactions', (async function* () {
      yield { line: 1, record: record('o1') };
    })(), { tenant: 'globex' });
    expect(other.inserted).toBe(1);
    long.release();
    expect((await first).inserted).toBe(3);
  });
});
