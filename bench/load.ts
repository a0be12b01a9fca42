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
import { eventLoopLag } from './load/loop-lag';
import { runMixedLoad } from './load/mixed';
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
console.log(`server ${server.url} (pid ${server.pid}, ${flags['database-url'] ? 'PostgreSQL' : 'PGlite'}${busArgs.length ? ', Redis bus' : ''}, log level ${flags['log-level']} to ${server.logFile})`);
let failed = false;
try {
  if (!flags['skip-load']) failed = (await runLoad(server.url)) || failed;
  if (!flags['skip-soak']) failed = (await runSoak(server.url)) || failed;
} finally {
  await server.stop();
}
process.exit(failed ? 1 : 0);

async function runLoad(url: string): Promise<boolean> {
  const connections = Number(flags.connections);
  const duration = Number(flags.duration);
  console.log(`\nload: ${connections} connections for ${duration} s over the mixed read set`);
  await eventLoopLag(url);
  const r = await runMixedLoad(url, { connections, duration });
  const lag = await eventLoopLag(url);
  console.log(`queries: ${r.queries.join(', ')}`);
  console.log(`requests/s: mean ${r.requestsPerSecond.toFixed(0)}, total ${r.total} in ${r.seconds.toFixed(1)} s`);
  console.log(`latency ms: p50 ${r.latency.p50}, p90 ${r.latency.p90}, p99 ${r.latency.p99}, max ${r.latency.max}`);
  const e = r.errors;
  console.log(`errors: ${e.total} (socket ${e.socket}, timeouts ${e.timeouts}, non-2xx ${e.non2xx}, GraphQL ${e.graphql})`);
  console.log(`server event-loop turn (lag) ms during the load: p50 ${lag.p50.toFixed(1)}, p99 ${lag.p99.toFixed(1)}, max ${lag.max.toFixed(1)}`);
  console.log(`load average after the load (1/5/15 min): ${load()}`);
  return e.total > 0;
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
