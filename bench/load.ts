/**
 * Load test and SSE soak against a real server on loopback (`rapport serve --dev --demo`, the demo tenant):
 * autocannon with many connections over the mixed read set of bench/load/queries.ts, bounded in time, then
 * 1,000 Server-Sent Event subscribers that must each receive every interaction of a burst of imports.
 *
 *   npx tsx bench/load.ts                          # 200 connections × 60 s, 1,000 subscribers
 *   npx tsx bench/load.ts --duration 10 --connections 50 --subscribers 200
 *
 * Prints requests/s, p50/p99 latency, errors (GraphQL errors count too), the soak's delivered/expected, and the
 * load average, since the figures mean little without knowing what else ran on the machine.
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { mixedQueries } from './load/queries';
import { startServer } from './load/server';
import { sseSoak } from './load/soak';

const { values: flags } = parseArgs({
  options: {
    connections: { type: 'string', default: '200' },
    duration: { type: 'string', default: '60' },
    subscribers: { type: 'string', default: '1000' },
    batches: { type: 'string', default: '10' },
    'per-batch': { type: 'string', default: '20' },
    data: { type: 'string', default: path.join(os.tmpdir(), 'rapport-bench-load') },
    'database-url': { type: 'string' },
    'redis-url': { type: 'string' },
    'log-level': { type: 'string', default: 'info' },
    'skip-soak': { type: 'boolean', default: false },
    'skip-load': { type: 'boolean', default: false },
  },
});

const load = () => os.loadavg().map((n) => n.toFixed(2)).join(' / ');
const storeArgs = flags['database-url'] ? ['--database-url', flags['database-url']] : ['--data', flags.data!];
const busArgs = flags['redis-url'] ? ['--redis-url', flags['redis-url']] : [];

console.log(`${os.cpus().length} cores, Node ${process.version}; load average before start (1/5/15 min): ${load()}`);
const server = await startServer([...storeArgs, ...busArgs, '--log-level', flags['log-level']!]);
console.log(`server ${server.url} (pid ${server.pid}, ${flags['database-url'] ? 'PostgreSQL' : 'PGlite'}${busArgs.length ? ', Redis bus' : ''}, log level ${flags['log-level']})`);
let failed = false;
try {
  if (!flags['skip-load']) failed = (await runLoad(server.url)) || failed;
  if (!flags['skip-soak']) failed = (await runSoak(server.url)) || failed;
} finally {
  await server.stop();
}
process.exit(failed ? 1 : 0);

async function runLoad(url: string): Promise<boolean> {
  const post = async (query: string) =>
    (await (await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })).json()) as any;
  const customerId = (await post('{ customers(first: 1, after: "MTAw") { edges { node { id } } } }')).data.customers.edges[0].node.id;
  const queries = mixedQueries(customerId);
  // Warm every query once, as a running server would be: the first network and cohort build is a one-off cost.
  for (const q of queries) {
    const body = await (await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q.query, variables: q.variables }) })).json() as any;
    if (body.errors) throw new Error(`${q.name}: ${JSON.stringify(body.errors)}`);
  }
  let graphqlErrors = 0;
  const connections = Number(flags.connections);
  const duration = Number(flags.duration);
  console.log(`\nload: ${connections} connections for ${duration} s over ${queries.length} queries (${queries.map((q) => q.name).join(', ')})`);
  const result = await autocannon({
    url: `${url}/graphql`,
    connections,
    duration,
    timeout: 30,
    requests: queries.map((q) => ({
      method: 'POST' as const,
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: q.query, variables: q.variables }),
      onResponse: (status: number, body: string) => {
        if (status === 200 && body.includes('"errors"')) graphqlErrors++;
      },
    })),
  });
  const errors = result.errors + result.timeouts + result.non2xx + graphqlErrors;
  console.log(`requests/s: mean ${result.requests.average.toFixed(0)}, total ${result.requests.total} in ${result.duration.toFixed(1)} s`);
  console.log(`latency ms: p50 ${result.latency.p50}, p90 ${result.latency.p90}, p99 ${result.latency.p99}, max ${result.latency.max}`);
  console.log(`errors: ${errors} (socket ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}, GraphQL ${graphqlErrors})`);
  console.log(`load average after the load (1/5/15 min): ${load()}`);
  return errors > 0;
}

async function runSoak(url: string): Promise<boolean> {
  const options = { subscribers: Number(flags.subscribers), batches: Number(flags.batches), perBatch: Number(flags['per-batch']), timeoutMs: 120_000 };
  console.log(`\nSSE soak: ${options.subscribers} subscribers, ${options.batches} imports of ${options.perBatch} interactions`);
  const r = await sseSoak(url, options);
  console.log(`subscribed in ${(r.subscribeMs / 1000).toFixed(1)} s; imports took ${(r.importMs / 1000).toFixed(1)} s; last event after ${(r.deliverMs / 1000).toFixed(1)} s`);
  console.log(`delivered ${r.delivered} of ${r.expected} events (${r.complete} of ${r.subscribers} subscribers complete, ${r.duplicates} duplicates)`);
  console.log(`load average after the soak (1/5/15 min): ${load()}`);
  return r.delivered !== r.expected || r.duplicates > 0;
}
