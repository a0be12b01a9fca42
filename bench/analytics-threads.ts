/**
 * What running the network engines on worker threads (server/analytics-service/engine-pool.ts) buys, against the
 * same engines inline on the event loop, in one run, over a real socket: while tenant `big` loads its network and
 * detects communities, then computes betweenness, tenant `small` sends one cheap query after another. Reported per
 * graph and mode: the heavy query's time alone (the cost of copying its input to a thread) and beside the cheap
 * ones (which take the event loop's core, and PGlite's one connection, from it), how many cheap queries were answered during it, their median and worst
 * latency.
 *
 *   npx tsx bench/analytics-threads.ts [--ties 300000] [--postgres URL]
 *
 * Graphs: ego-Facebook (../shared/data; skipped without it) and a seeded planted-partition graph (--ties ties,
 * 10 per node). Each mode runs once unmeasured first (the engines' JIT warm-up, on the thread that runs them), then measured.
 * Store: embedded PGlite, whose queries run on the event loop too, so reading the ties is a stall no thread
 * removes; with --postgres, a fresh database on that server (dropped at the end), where that read is asynchronous.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { plantedPartition } from '../server/analytics/network';
import { closeEngines, setEngineThreads, warmEngines } from '../server/analytics-service';
import { createApp } from '../server/app';
import { createHttpServer } from '../server/http-server';
import { importSource } from '../server/ingest/import-source';
import { fileSource } from '../server/ingest/read-records';
import { openStore } from '../server/store';
import { dataFile } from '../tests/support/data';
import { openFreshPostgres } from '../tests/support/stores';

const args = process.argv.slice(2);
const TIES = Number(args[args.indexOf('--ties') + 1] ?? 300_000) || 300_000;
const POSTGRES = args.includes('--postgres') ? args[args.indexOf('--postgres') + 1] : undefined;
const HEAVY = {
  'load + communities': '{ network { nodeCount communityCount modularity } }',
  betweenness: '{ network { influencers(first: 3) { betweenness } } }',
};

const dir = mkdtempSync(join(tmpdir(), 'rapport-threads-'));
const graphs: { name: string; file: string }[] = [];
const facebook = dataFile('ego-facebook', 'facebook_combined.txt');
if (existsSync(facebook)) graphs.push({ name: 'ego-Facebook (88,234 ties)', file: facebook });
else console.warn(`ego-Facebook is missing at ${facebook}: measuring the planted graph only.`);
const planted = plantedPartition({ nodes: TIES / 10, edges: TIES, groups: TIES / 1000, seed: 1 });
const plantedFile = join(dir, 'planted.txt');
writeFileSync(plantedFile, Array.from(planted.source, (s, e) => `${s} ${planted.target[e]}`).join('\n') + '\n');
graphs.push({ name: `planted (${TIES.toLocaleString('en')} ties)`, file: plantedFile });

const store = POSTGRES ? await openFreshPostgres(POSTGRES) : await openStore();
console.log(`store: ${store.kind}`);
const server = createHttpServer({ app: createApp({ store, dev: true }) });
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;

async function post(tenant: string, query: string): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-rapport-tenant': tenant }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
  if (body.errors) throw new Error(body.errors[0]!.message);
  return body.data;
}

interface Row { graph: string; query: string; mode: string; aloneMs: number; heavyMs: number; answered: number; p50: number; worst: number }

/** One heavy query of `tenant` with cheap queries of tenant small sent one after another until it is answered. */
async function measure(tenant: string, query: string) {
  const started = performance.now();
  let done = false;
  const heavy = post(tenant, query).finally(() => (done = true));
  const latencies: number[] = [];
  while (!done) {
    const t = performance.now();
    await post('small', '{ customers(first: 1) { totalCount } }');
    latencies.push(performance.now() - t);
  }
  await heavy;
  const heavyMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return { heavyMs, answered: latencies.length, p50: latencies[Math.floor(latencies.length / 2)] ?? NaN, worst: latencies.at(-1) ?? NaN };
}

await post('small', 'mutation { upsertCustomers(input: [{ externalId: "s1", name: "Ada" }]) { accepted } }');
const rows: Row[] = [];
let bump = 0;
for (const graph of graphs) {
  const tenant = `g${graphs.indexOf(graph)}`;
  const t = performance.now();
  await importSource(store, 'relationships', fileSource(graph.file), { tenant, format: 'edgelist' });
  console.log(`${graph.name}: imported in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  for (const [mode, threads] of [['inline', 0], ['worker thread', 1]] as const) {
    await setEngineThreads(threads);
    await warmEngines();
    for (const measured of [false, true]) {
      // A customer without ties moves the data version: the network is loaded and computed afresh, unchanged.
      const bumpVersion = () => post(tenant, `mutation { upsertCustomers(input: [{ externalId: "bump${++bump}" }]) { accepted } }`);
      await bumpVersion();
      const alone: number[] = [];
      for (const query of Object.values(HEAVY)) {
        const t = performance.now();
        await post(tenant, query);
        alone.push(performance.now() - t);
      }
      await bumpVersion();
      for (const [k, [name, query]] of Object.entries(HEAVY).entries()) {
        const m = await measure(tenant, query);
        if (measured) rows.push({ graph: graph.name, query: name, mode, aloneMs: alone[k]!, ...m });
      }
    }
  }
}

const f = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
console.log(`\n${availableParallelism()} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}; ms\n`);
console.log('| graph | heavy query | engines | heavy query ms, alone | heavy query ms, beside the cheap ones | cheap queries answered during it | their median / worst ms |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.graph} | ${r.query} | ${r.mode} | ${f(r.aloneMs)} | ${f(r.heavyMs)} | ${r.answered} | ${f(r.p50)} / ${f(r.worst)} |`);
console.log('\nRatios, inline ÷ worker thread (same graph and query):');
for (let i = 0; i < rows.length; i += 4) {
  for (let q = 0; q < 2; q++) {
    const inline = rows[i + q]!;
    const threaded = rows[i + 2 + q]!;
    console.log(`- ${inline.graph}, ${inline.query}: worst cheap query ${(inline.worst / threaded.worst).toFixed(1)}×, heavy query alone ${(inline.aloneMs / threaded.aloneMs).toFixed(2)}×, beside them ${(inline.heavyMs / threaded.heavyMs).toFixed(2)}×`);
  }
}
server.close();
await closeEngines();
await store.close();
rmSync(dir, { recursive: true, force: true });
