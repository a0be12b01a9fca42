import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { closeEngines, engineThreadsFromEnv, setEngineThreads, warmEngines } from '../analytics-service';
import { createApp } from '../app';
import { rateLimitFromEnv, RateLimitSettingError } from '../auth/rate-limit-env';
import { redisBuckets } from '../auth/redis-buckets';
import { tokenSecret, TokenSecretError } from '../auth/token-secret';
import { createHttpServer } from '../http-server';
import { publicMounts } from '../public-files';
import { importDemo } from '../ingest/import-demo';
import { createLogger, LOG_LEVELS } from '../observability/logger';
import { createRapportPubSub, redactUrl, RedisUrlError } from '../pubsub';
import { importClassifier } from '../sentiment/import-classifier';
import { describeLock, openStore } from '../store';
import { CommandError, UsageError } from './fail';
import { checkPortFree, listenError } from './port-free';
import { sentimentModels } from './sentiment-models';
import { storeOptions, type StoreFlags } from './store-options';

export interface ServeFlags extends StoreFlags {
  port?: string;
  host?: string;
  demo?: boolean;
  dev?: boolean;
  introspection?: boolean;
  /** Deliver subscriptions across instances through Redis (env REDIS_URL). */
  redisUrl?: string;
  /** `--no-metrics` turns `/metrics` off. */
  metrics?: boolean;
  logLevel?: string;
  /** The model imports and `classify` use when none is named (env RAPPORT_SENTIMENT_MODEL; default models/default.json). */
  sentimentModel?: string;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `rapport serve`: the API and the playground on one port, until SIGTERM or SIGINT. */
export async function runServe(flags: ServeFlags): Promise<void> {
  const port = Number(flags.port ?? process.env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port (or PORT) must be a port number, not "${flags.port}".`);
  const options = storeOptions(flags, 'server');
  const models = sentimentModels(flags.sentimentModel ?? process.env.RAPPORT_SENTIMENT_MODEL);
  const logger = createLogger({ level: logLevel(flags.logLevel) });
  const host = flags.host ?? (flags.dev ? '127.0.0.1' : '0.0.0.0');
  let engineThreads: number;
  try {
    engineThreads = engineThreadsFromEnv();
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  await checkPortFree(port, host);
  // Before the store: a server that cannot reach Redis stops here, holding nothing.
  const bus = await createRapportPubSub({ redisUrl: flags.redisUrl, onError: (message) => logger.warn(message) }).catch((err: Error) => {
    if (err instanceof RedisUrlError) throw new UsageError(`${flags.redisUrl !== undefined ? '--redis-url' : 'REDIS_URL'} ${err.message}`);
    throw new CommandError(err.message);
  });
  let rateLimit;
  try {
    rateLimit = rateLimitFromEnv();
  } catch (err) {
    if (err instanceof RateLimitSettingError) throw new UsageError(err.message);
    throw err;
  }
  // With Redis, one budget per key and token across every instance; alone, this process's memory.
  if (bus.redis) rateLimit.buckets = redisBuckets(bus.redis.client, { prefix: bus.redis.prefix, onError: (message) => logger.warn(message) });
  const store = await openStore(options);
  const release = () => Promise.all([store.close(), models.dispose(), bus.close(), closeEngines()]);
  try {
    // A short RAPPORT_TOKEN_SECRET would otherwise show only when the first token is minted, as "Unexpected error.".
    await tokenSecret(store);
  } catch (err) {
    await release();
    throw err instanceof TokenSecretError ? new UsageError(err.message) : err;
  }
  // The threads load the engines on the other cores while the demo loads here; awaited before listening.
  await setEngineThreads(engineThreads);
  const warming = warmEngines();
  warming.catch(() => {});
  const classify = importClassifier(models);
  if (flags.demo) {
    const started = performance.now();
    if (await importDemo(store, { classify })) {
      console.log(`Loaded the demo data set into tenant default in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    }
  }
  try {
    await warming;
  } catch (err) {
    await release();
    throw err;
  }
  const app = createApp({
    store, dev: flags.dev, introspection: flags.introspection, classify, models,
    pubsub: bus.pubsub, logger, metrics: flags.metrics ?? true, rateLimit,
    // Redis is reported (body of /readyz, rapport_dependency_up), never a reason to leave the load balancer.
    optional: bus.redis ? { redis: bus.healthy } : undefined,
  });
  const playground = `${ROOT}dist/playground`;
  const server = createHttpServer({
    app,
    staticDir: existsSync(playground) ? playground : undefined,
    // The page's default model is this server's (`--sentiment-model`), so in-browser labels match the API's.
    documents: { '/models/default.json': pageDefaultModel(models.defaultName) },
    // The widget bundle, and the same model files the server uses (in-browser classification), for pages anywhere.
    mounts: publicMounts(ROOT),
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, resolve);
    });
  } catch (err) {
    await release();
    throw listenError(err, host, port);
  }
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${actualPort}`;
  if (options.dataDir) describeLock(options.dataDir, url);
  console.log(`Rapport is serving ${url} — playground at /, GraphQL at ${url}/graphql (store: ${store.kind} ${store.location}${bus.kind === 'redis' ? `, subscriptions through Redis ${redactUrl(flags.redisUrl ?? process.env.REDIS_URL ?? '')}` : ''}${flags.dev ? ', dev mode: loopback requests act as tenant default' : ''}).`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Received ${signal}; finishing requests and closing the store.`);
    server.close();
    // Open SSE streams never end by themselves: give requests in flight a moment, then cut the rest.
    setTimeout(() => server.closeAllConnections(), 2000).unref();
    await new Promise<void>((resolve) => server.once('close', () => resolve()));
    // The streams' teardown (UNSUBSCRIBE) runs once their sockets are gone: let it, then close Redis, which
    // from then on is sent nothing more.
    await new Promise((resolve) => setImmediate(resolve));
    await release();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

/** `models/default.json` as the page reads it: the file's own choice, or this server's when it was set otherwise. */
function pageDefaultModel(model: string): { model: string; reason: string } {
  const file = JSON.parse(readFileSync(`${ROOT}models/default.json`, 'utf8')) as { model: string; reason: string };
  if (file.model === model) return file;
  return { model, reason: `Set for this server (--sentiment-model or RAPPORT_SENTIMENT_MODEL); models/default.json names ${file.model}.` };
}

/** `--log-level` or LOG_LEVEL, refused in one sentence when pino would not know it. */
function logLevel(flag: string | undefined): string | undefined {
  const level = flag ?? process.env.LOG_LEVEL;
  if (level !== undefined && !(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new UsageError(`${flag !== undefined ? '--log-level' : 'LOG_LEVEL'} must be one of ${LOG_LEVELS.join(', ')}, not "${level}".`);
  }
  return level;
}
