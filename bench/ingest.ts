/**
 * Ingestion throughput, side by side in one run: UCI Online Retail (541,909 lines, gzip CSV) imported by Rapport
 * into PGlite (on disk) and into PostgreSQL, beside `psql \copy` of the same CSV into a bare table.
 *
 *   npx tsx bench/ingest.ts            (needs ../shared/data, a local PostgreSQL, psql)
 *
 * Targets (issue 2): Rapport on PostgreSQL within 3× of \copy; the whole import on PGlite under 10 s.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importSource } from '../server/ingest/import-source';
import { fileSource } from '../server/ingest/read-records';
import { openStore, type Store } from '../server/store';
import { dataFile } from '../tests/support/data';
import { openFreshPostgres } from '../tests/support/stores';

const FILE = dataFile('online-retail', 'online_retail.csv.gz');
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Seconds to import the file into a fresh store, which is closed (and its folder removed) afterwards. */
async function timeImport(store: Store, cleanup = async () => {}): Promise<number> {
  try {
    const started = performance.now();
    const summary = await importSource(store, 'orders', fileSource(FILE), { tenant: 'bench' });
    if (summary.inserted !== 541_909) throw new Error(`expected 541,909 lines, got ${summary.inserted}`);
    return (performance.now() - started) / 1000;
  } finally {
    await store.close();
    await cleanup();
  }
}

async function rapportPglite(): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), 'rapport-bench-'));
  return timeImport(await openStore({ dataDir: dir }), async () => rmSync(dir, { recursive: true, force: true }));
}

const rapportPostgres = async () => timeImport(await openFreshPostgres(PG_URL));

function psqlCopy(): number {
  const psql = (sql: string) => execFileSync('psql', [PG_URL, '-q', '-v', 'ON_ERROR_STOP=1', '-c', sql], { stdio: 'pipe' });
  psql(`DROP TABLE IF EXISTS bench_bare; CREATE TABLE bench_bare (invoice text, stock_code text, description text,
        quantity integer, invoice_date timestamp, unit_price numeric, customer_id text, country text)`);
  const started = performance.now();
  execFileSync('bash', ['-c', `zcat "${FILE}" | psql "${PG_URL}" -q -v ON_ERROR_STOP=1 -c "\\copy bench_bare FROM STDIN WITH (FORMAT csv, HEADER true)"`]);
  const seconds = (performance.now() - started) / 1000;
  const rows = execFileSync('psql', [PG_URL, '-tA', '-c', 'SELECT count(*) FROM bench_bare']).toString().trim();
  psql('DROP TABLE bench_bare');
  if (rows !== '541909') throw new Error(`psql copied ${rows} rows`);
  return seconds;
}

const rows = 541_909;
const copy = psqlCopy();
const pg = await rapportPostgres();
const lite = await rapportPglite();
const line = (name: string, s: number, note: string) =>
  console.log(`${name.padEnd(28)} ${s.toFixed(2).padStart(7)} s ${Math.round(rows / s).toString().padStart(9)} rows/s   ${note}`);
console.log(`UCI Online Retail, ${rows} lines, ${new Date().toISOString()}`);
line('psql \\copy (bare table)', copy, 'peer');
line('rapport → PostgreSQL', pg, `${(pg / copy).toFixed(2)}× \\copy (target ≤ 3×)`);
line('rapport → PGlite (disk)', lite, `${(lite / copy).toFixed(2)}× \\copy (target < 10 s)`);
