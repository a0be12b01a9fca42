/**
 * Ingestion throughput, side by side in one run: UCI Online Retail (541,909 lines, gzip CSV) imported by Rapport
 * into PGlite (on disk) and into PostgreSQL, beside `psql \copy` of the same CSV into a bare table.
 *
 *   npx tsx bench/ingest.ts            (needs ../shared/data, a local PostgreSQL, psql)
 *
 * Targets (issue 2): Rapport on PostgreSQL within 3× of \copy; the whole import on PGlite under 10 s.
 * The machine is shared, so beside wall time each line gives the CPU seconds of every process involved (from
 * /proc: the PostgreSQL backend, Node, zcat + psql) and the load average, which say what the wall time can not.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { importSource } from '../server/ingest/import-source';
import { fileSource } from '../server/ingest/read-records';
import { openStore, type Store } from '../server/store';
import { dataFile } from '../tests/support/data';
import { openFreshPostgres } from '../tests/support/stores';

const FILE = dataFile('online-retail', 'online_retail.csv.gz');
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ROWS = 541_909;

interface Timing {
  seconds: number;
  /** CPU seconds by process: node, backend, client (zcat + psql). */
  cpu: Record<string, number>;
}

/** CPU seconds (user + system) a process has used so far, or that its reaped children used. */
function cpuSeconds(pid: number, of: 'self' | 'children' = 'self'): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const at = of === 'self' ? 11 : 13;
  return (+f[at]! + +f[at + 1]!) / 100; // USER_HZ
}

const nodeCpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/** The backends serving a database (one per connection), by pid, with the CPU each has used so far. */
async function backends(admin: pg.Client, where: string, value: string): Promise<Map<number, number>> {
  const { rows } = await admin.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE ${where} = $1`, [value]);
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      cpu.set(pid, cpuSeconds(pid));
    } catch {
      // gone between the query and the read
    }
  }
  return cpu;
}

async function withAdmin<T>(fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/** Imports the file into a fresh store, which is closed (and its folder removed) afterwards. */
async function timeImport(store: Store, backendCpu: () => Promise<number> = async () => 0, cleanup = async () => {}): Promise<Timing> {
  try {
    const [started, node0, backend0] = [performance.now(), nodeCpu(), await backendCpu()];
    const summary = await importSource(store, 'orders', fileSource(FILE), { tenant: 'bench' });
    const seconds = (performance.now() - started) / 1000;
    if (summary.inserted !== ROWS) throw new Error(`expected ${ROWS} lines, got ${summary.inserted}`);
    return { seconds, cpu: { node: nodeCpu() - node0, backend: (await backendCpu()) - backend0 } };
  } finally {
    await store.close();
    await cleanup();
  }
}

async function rapportPglite(): Promise<Timing> {
  const dir = mkdtempSync(path.join(tmpdir(), 'rapport-bench-'));
  const timing = await timeImport(await openStore({ dataDir: dir }), undefined, async () => rmSync(dir, { recursive: true, force: true }));
  delete timing.cpu.backend; // PGlite runs inside Node
  return timing;
}

async function rapportPostgres(): Promise<Timing> {
  const store = await openFreshPostgres(PG_URL);
  const database = new URL(store.location).pathname.slice(1);
  // Backends started during the import count from zero; those that served the migrations, from where they were.
  const seen = new Map<number, number>();
  const backendCpu = () =>
    withAdmin(async (admin) => {
      for (const [pid, cpu] of await backends(admin, 'datname', database)) seen.set(pid, cpu);
      return [...seen.values()].reduce((a, b) => a + b, 0);
    });
  return timeImport(store, backendCpu);
}

async function psqlCopy(): Promise<Timing> {
  return withAdmin(async (admin) => {
    await admin.query(`DROP TABLE IF EXISTS bench_bare`);
    await admin.query(`CREATE TABLE bench_bare (invoice text, stock_code text, description text, quantity integer,
      invoice_date timestamp, unit_price numeric, customer_id text, country text)`);
    const app = `rapport-bench-${process.pid}`;
    const [started, children0] = [performance.now(), cpuSeconds(process.pid, 'children')];
    const shell = spawn(
      'bash',
      ['-c', `zcat "${FILE}" | psql "${PG_URL}" -q -v ON_ERROR_STOP=1 -c "\\copy bench_bare FROM STDIN WITH (FORMAT csv, HEADER true)"`],
      { env: { ...process.env, PGAPPNAME: app }, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const exited = new Promise<number | null>((resolve) => shell.on('exit', resolve));
    // The backend ends with psql, so sample its CPU while it runs (the last 50 ms may be missed).
    let backend = 0;
    let running = true;
    void exited.then(() => (running = false));
    while (running) {
      for (const cpu of (await backends(admin, 'application_name', app)).values()) backend = cpu;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const code = await exited;
    const seconds = (performance.now() - started) / 1000;
    const client = cpuSeconds(process.pid, 'children') - children0; // zcat and psql, reaped by bash, reaped by us
    const { rows } = await admin.query<{ n: string }>(`SELECT count(*) AS n FROM bench_bare`);
    await admin.query(`DROP TABLE bench_bare`);
    if (code !== 0 || Number(rows[0]!.n) !== ROWS) throw new Error(`psql \\copy exited ${code} after ${rows[0]!.n} rows`);
    return { seconds, cpu: { backend, client } };
  });
}

const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
const loadBefore = load();
const copy = await psqlCopy();
const postgres = await rapportPostgres();
const pglite = await rapportPglite();

const cpuText = (t: Timing) => Object.entries(t.cpu).map(([name, s]) => `${name} ${s.toFixed(2)}`).join(', ');
const line = (name: string, t: Timing, note: string) =>
  console.log(
    `${name.padEnd(26)} ${t.seconds.toFixed(2).padStart(6)} s ${Math.round(ROWS / t.seconds).toString().padStart(7)} rows/s  ` +
      `${note.padEnd(30)} CPU s: ${cpuText(t)}`,
  );
console.log(`UCI Online Retail, ${ROWS} lines, ${new Date().toISOString()}, load average ${loadBefore} → ${load()}`);
line('psql \\copy (bare table)', copy, 'peer');
line('rapport → PostgreSQL', postgres, `${(postgres.seconds / copy.seconds).toFixed(2)}× \\copy (target ≤ 3×)`);
line('rapport → PGlite (disk)', pglite, `${(pglite.seconds / copy.seconds).toFixed(2)}× \\copy (target < 10 s)`);
