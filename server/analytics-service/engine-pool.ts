/**
 * Where the network engines run: on worker threads (piscina), so a community detection or betweenness run on a
 * large tenant holds its own request, not every request of the instance. `RAPPORT_ANALYTICS_THREADS` sets how many
 * (default: the cores less one, at least 1, at most 4); 0 runs them inline on the event loop, as before.
 *
 * The pool starts with the first run (or `warmEngines`), and its idle threads never keep the process alive. Inputs
 * are copied to a thread (structured clone), which keeps the last few networks it was given (engines.ts); results
 * come back with their buffers transferred (engine-thread.mjs). What that costs against inline runs is measured by
 * bench/analytics-threads.ts (docs/deployment.md, "Analytics off the event loop").
 */
import { availableParallelism } from 'node:os';
import Piscina from 'piscina';
import { analyticsEngineDuration } from '../observability/metrics';
import { engines, type EngineName, type Engines } from './engines';

export const ENGINE_THREADS_ENV = 'RAPPORT_ANALYTICS_THREADS';
const MAX_THREADS = 64;

let threads: number | undefined;
let pool: Piscina | undefined;

/** The thread count `RAPPORT_ANALYTICS_THREADS` asks for, or the default; a clear error when it is not a count. */
export function engineThreadsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const text = env[ENGINE_THREADS_ENV]?.trim();
  if (!text) return Math.max(1, Math.min(4, availableParallelism() - 1));
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > MAX_THREADS) {
    throw new RangeError(`${ENGINE_THREADS_ENV} must be a whole number from 0 (inline) to ${MAX_THREADS}, not "${text}".`);
  }
  return n;
}

/** Threads the engines run on; 0 = inline. */
export function engineThreads(): number {
  return (threads ??= engineThreadsFromEnv());
}

/** Sets the thread count (0 = inline), ending the current pool (runs still in it are rejected). */
export async function setEngineThreads(count: number): Promise<void> {
  if (!(Number.isInteger(count) && count >= 0 && count <= MAX_THREADS)) {
    throw new RangeError(`engine threads must be 0–${MAX_THREADS}, not ${count}`);
  }
  await closeEngines();
  threads = count;
}

/**
 * Starts the threads and waits until one has loaded the engines and built an empty network, so a server's first
 * query does not pay for starting them and a thread that cannot start stops the server at start.
 */
export async function warmEngines(): Promise<void> {
  await runEngine('network', '', '', '');
}

/**
 * Ends the worker threads at once; runs still in them are rejected, not waited for (a server shutting down has
 * closed the requests that wanted them, and a betweenness run may have minutes left). The next run starts a new pool.
 */
export async function closeEngines(): Promise<void> {
  const closing = pool;
  pool = undefined;
  await closing?.destroy();
}

/**
 * Runs engine `name` on a worker thread (or inline when threads are 0) and resolves to its result; the time it took,
 * waiting for a thread included, goes to `rapport_analytics_engine_seconds`.
 */
export async function runEngine<K extends EngineName>(name: K, ...args: Parameters<Engines[K]>): Promise<ReturnType<Engines[K]>> {
  const done = analyticsEngineDuration.startTimer({ engine: name });
  try {
    return await submit(name, args);
  } finally {
    done();
  }
}

function submit<K extends EngineName>(name: K, args: Parameters<Engines[K]>): Promise<ReturnType<Engines[K]>> {
  const count = engineThreads();
  if (count === 0) return Promise.resolve().then(() => (engines[name] as (...a: unknown[]) => ReturnType<Engines[K]>)(...args));
  pool ??= new Piscina({
    filename: new URL('./engine-thread.mjs', import.meta.url).href,
    minThreads: count,
    maxThreads: count,
    idleTimeout: Infinity,
  });
  return pool.run({ name, args });
}
