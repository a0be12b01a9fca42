/**
 * Side-by-side: `rfm` and `cohorts` over GraphQL (in-process yoga.fetch, PGlite in memory unless --database-url)
 * vs the pandas reference (bench/rfm-pandas.py; monthly retention in plain pandas below) and a plain typed-array
 * scan of the daily activity, on UCI Online Retail, in one run. Times in ms, median and min of the runs; the
 * machine is shared, so the min is the better estimate of the cost and the median of what a caller sees.
 *
 *   npx tsx bench/rfm.ts [--runs 300] [--cold 5] [--database-url URL]
 *
 * "first after an import": the first query after a write bumped the tenant's version, so it reads the daily
 * aggregates again and computes from scratch — once after the full import, then --cold times after a one-line
 * `addOrders` each.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { computeRfm } from '../server/analytics/rfm';
import { loadTenantActivity } from '../server/analytics-service';
import { importSource } from '../server/ingest/import-source';
import { fileSource } from '../server/ingest/read-records';
import { openStore } from '../server/store';
import { tenantVersion } from '../server/store/queries/activity';
import { testApp } from '../tests/support/app';
import { dataFile } from '../tests/support/data';
import { openFreshPostgres } from '../tests/support/stores';

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const RUNS = Number(opt('--runs') ?? 300) || 300;
const COLD = Number(opt('--cold') ?? 5) || 5;
const FILE = dataFile('online-retail', 'online_retail.csv.gz');
const PYTHON = process.env['RAPPORT_PYTHON'] ?? '/usr/bin/python3';
const TENANT = 'bench';

type Timing = { median: number; min: number };
const summary = (xs: number[]): Timing => {
  const sorted = [...xs].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]! };
};
async function timed<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const t0 = performance.now();
  const out = await fn();
  return [performance.now() - t0, out];
}
async function warm(fn: () => Promise<unknown> | unknown, runs = RUNS): Promise<Timing> {
  for (let i = 0; i < 3; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(fn))[0]);
  return summary(times);
}

/** Monthly retention the way a pandas user writes it, on the same valid lines. */
const PANDAS_COHORTS = `
import json, statistics, sys, time
import pandas as pd
df = pd.read_csv(sys.argv[1], dtype={"InvoiceNo": str, "StockCode": str}, parse_dates=["InvoiceDate"])
def retention(df):
    v = df[df["CustomerID"].notna() & ~df["InvoiceNo"].str.startswith("C") & (df["Quantity"] > 0)]
    month = v["InvoiceDate"].dt.year * 12 + v["InvoiceDate"].dt.month - 1
    first = month.groupby(v["CustomerID"]).transform("min")
    cells = pd.DataFrame({"cohort": first, "k": month - first, "id": v["CustomerID"]}).drop_duplicates()
    active = cells.groupby(["cohort", "k"]).size().unstack()
    return active.div(active[0], axis=0)
times = []
for _ in range(5):
    t0 = time.perf_counter(); retention(df); times.append((time.perf_counter() - t0) * 1000)
print(json.dumps({"median": statistics.median(times), "min": min(times)}))
`;

function python(script: string, ...rest: string[]): any {
  const input = script === '-' ? PANDAS_COHORTS : undefined;
  const out = spawnSync(PYTHON, [script, ...rest], { input, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (out.status !== 0) throw new Error(`${PYTHON} ${script} failed: ${out.stderr}`);
  return JSON.parse(out.stdout);
}

const RFM = `{ rfm { asOf customerCount segments { name customerCount share recency { min max mean std } frequency { min max mean std } monetary { min max mean std } } } }`;
const COHORTS = `{ cohorts(period: MONTH, metric: RETENTION) { cohorts { start size values } } }`;
let added = 0;
const ADD = () =>
  `mutation { addOrders(input: [{ invoice: "B${++added}", customerExternalId: "bench-${added}", orderedAt: "2011-12-09T10:00:00Z", quantity: 1, unitPrice: 1 }]) { accepted } }`;

// A database of its own on PostgreSQL (dropped at the end): a second run must not find the first one's rows.
const url = opt('--database-url');
const store = url ? await openFreshPostgres(url) : await openStore({});
const app = testApp(store, { tenant: TENANT }); // the tests' in-process app: yoga.fetch, no socket
async function gql(query: string): Promise<any> {
  const body = await app.gql(query);
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}
async function cold(query: string): Promise<Timing> {
  const times: number[] = [];
  for (let i = 0; i < COLD; i++) {
    await gql(ADD());
    times.push((await timed(() => gql(query)))[0]);
  }
  return summary(times);
}

console.log(`bench/rfm: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}, store ${store.kind}`);
const [importMs] = await timed(() => importSource(store, 'orders', fileSource(FILE), { tenant: TENANT }));
console.log(`imported ${FILE} in ${(importMs / 1000).toFixed(1)} s`);

const rows: [string, Timing][] = [];
const [afterFull, first] = await timed(() => gql(RFM));
rows.push(['rfm, first after the full import (one run)', { median: afterFull, min: afterFull }]);
rows.push(['rfm, warm', await warm(() => gql(RFM))]);
rows.push(['cohorts, warm', await warm(() => gql(COHORTS))]);
rows.push(['rfm, first after an import (one-line addOrders)', await cold(RFM)]);
rows.push(['cohorts, first after an import (one-line addOrders)', await cold(COHORTS)]);
rows.push(['  GraphQL floor: { __typename } through the same app', await warm(() => gql('{ __typename }'))]);
rows.push(['  version check (the one query of a warm request)', await warm(() => tenantVersion(store, TENANT))]);
rows.push(['  read the daily activity from the store', await warm(() => loadTenantActivity(store, TENANT), 7)]);
const { activity } = await loadTenantActivity(store, TENANT);
rows.push(['  computeRfm alone', await warm(() => computeRfm(activity))]);

// The floor: one pass over the three columns the engine reads (last instant, Σ invoices, Σ amount per customer).
const n = activity.customerCount;
const scan = () => {
  const last = new Float64Array(n);
  const frequency = new Int32Array(n);
  const monetary = new Float64Array(n);
  for (let i = 0; i < activity.customer.length; i++) {
    const c = activity.customer[i]!;
    const at = activity.day[i]! * 86_400 + activity.lastSecond![i]!;
    if (at > last[c]!) last[c] = at;
    frequency[c]! += activity.invoices[i]!;
    monetary[c]! += activity.monetary[i]!;
  }
  return monetary;
};
rows.push([`plain scan of the daily activity (${activity.customer.length} rows)`, await warm(scan, RUNS * 10)]);

const pandas = python(path.join(import.meta.dirname, 'rfm-pandas.py'), FILE, '--repeat', '5');
rows.push(['pandas rfm (rfm-pandas.py, frame already read)', { median: pandas.rfmMs.median, min: pandas.rfmMs.min }]);
rows.push(['pandas read_csv of the file (one run)', { median: pandas.readMs, min: pandas.readMs }]);
rows.push(['pandas monthly retention (frame already read)', python('-', FILE)]);

const fmt = (ms: number) => ms.toFixed(ms < 1 ? 3 : 1).padStart(9);
console.log(`\n${''.padEnd(62)} ${'median'.padStart(9)} ${'min'.padStart(9)}`);
for (const [what, t] of rows) console.log(`${what.padEnd(62)} ${fmt(t.median)} ${fmt(t.min)}`);
const get = (prefix: string) => rows.find(([w]) => w.startsWith(prefix))![1];
const ratio = (label: string, a: Timing, b: Timing, target: string) =>
  console.log(`${label.padEnd(46)} ${(a.median / b.median).toFixed(1).padStart(7)}× ${(a.min / b.min).toFixed(1).padStart(8)}×   ${target}`);
const counts = Object.fromEntries(first.rfm.segments.map((s: any) => [s.name, s.customerCount]));
console.log(`\nsegments equal pandas: ${JSON.stringify(counts) === JSON.stringify(pandas.segments)}`);
console.log(`${'ratios (median, min)'.padEnd(46)}`);
ratio('pandas rfm / warm rfm', get('pandas rfm'), get('rfm, warm'), '(target ≥ 20×)');
ratio('warm rfm / plain scan', get('rfm, warm'), get('plain scan'), '(target ≤ 10×)');
ratio('pandas rfm / rfm first after an import', get('pandas rfm'), get('rfm, first after an import'), '(target ≥ 1×)');
ratio('pandas retention / warm cohorts', get('pandas monthly'), get('cohorts, warm'), '');
ratio('pandas retention / cohorts first after import', get('pandas monthly'), get('cohorts, first'), '');
await store.close();
