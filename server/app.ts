import type { IncomingMessage } from 'node:http';
import { createYoga, useReadinessCheck, type YogaServerInstance } from 'graphql-yoga';
import { schema, type Context } from '../schema';
import type { Classifier } from './ingest/load/interactions';
import type { ModelRegistry } from './sentiment/model-registry';
import { corsOptions } from './auth/cors';
import { tokenSecret } from './auth/token-secret';
import { tenantIds } from './auth/global-ids';
import { unexpectedErrors } from './observability/logged-mask-error';
import { errorFacts } from './observability/error-facts';
import { withQueryTimeout } from './store/query-timeout';
import type { Logger } from './observability/logger';
import { watchDependency } from './observability/metrics';
import { useBodyLimit, type BodyLimitOptions } from './plugins/use-body-limit';
import { principalOf, useCredentials } from './plugins/use-credentials';
import { useEmbedOperations } from './plugins/use-embed-operations';
import { useMetrics } from './plugins/use-metrics';
import { useRequestLog } from './plugins/use-request-log';
import { useErrorCodes } from './plugins/use-error-codes';
import { useNoNul } from './plugins/use-no-nul';
import { useNoIntrospection } from './plugins/use-introspection';
import { useOperationLimits, type OperationLimitOptions } from './plugins/use-operation-limits';
import { useRateLimit, type RateLimitOptions } from './plugins/use-rate-limit';
import { useScopes } from './plugins/use-scopes';
import { requestWork } from './auth/request-work';
import { memoryPubSub } from './pubsub';
import type { Store } from './store';

export interface AppOptions {
  store: Store;
  classify?: Classifier;
  /** Sentiment models served by `classify`. */
  models?: ModelRegistry;
  pubsub?: Context['pubsub'];
  /**
   * Let requests from loopback that carry no credentials act as tenant `default` (or `X-Rapport-Tenant`), and
   * serve GraphiQL and introspection: `npm start` on a developer's machine.
   * @default false
   */
  dev?: boolean;
  /** @default 'default' */
  devTenant?: string;
  /** Introspection and GraphiQL without dev mode (`--introspection`). @default false */
  introspection?: boolean;
  /** Embed-token signing key. @default RAPPORT_TOKEN_SECRET, else one generated and kept in the store */
  tokenSecret?: string;
  body?: BodyLimitOptions;
  rateLimit?: RateLimitOptions;
  operationLimits?: OperationLimitOptions;
  /** Operations in one batched request. @default 10 */
  maxBatch?: number;
  /** One JSON line per request (with its request id); none when absent. */
  logger?: Logger;
  /** Serve Prometheus metrics at `/metrics` (no tenant credentials needed). @default true */
  metrics?: boolean;
  /** More for `/readyz` to check besides the store: essential, a rejection answers 503. */
  ready?: () => Promise<void>;
  /**
   * Dependencies the API works without (Redis): `/readyz` stays 200 and names each in its JSON body as `ok` or
   * `degraded`, and `rapport_dependency_up` reports it. Each probe answers quickly and never rejects.
   */
  optional?: Record<string, () => Promise<boolean>>;
}

type ServerContext = { req?: IncomingMessage };

export type RapportApp = YogaServerInstance<ServerContext, Context>;

/** The GraphQL application: yoga, its context and its plugins. Transport (HTTP, static files) lives elsewhere. */
export function createApp(options: AppOptions): RapportApp {
  for (const [name, probe] of Object.entries(options.optional ?? {})) watchDependency(name, probe);
  const pubsub = options.pubsub ?? memoryPubSub();
  const owner = options.store;
  const secret = () => tokenSecret(owner, options.tokenSecret ?? process.env.RAPPORT_TOKEN_SECRET);
  const introspection = options.dev || options.introspection;
  const unexpected = options.logger ? unexpectedErrors(options.logger) : undefined;
  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/healthz',
    landingPage: false,
    graphiql: introspection ? { title: 'Rapport GraphQL' } : false,
    // Clients see `Unexpected error.`; the server's log gets the message and stack.
    maskedErrors: unexpected ? { maskError: unexpected.maskError } : true,
    logging: false,
    batching: { limit: options.maxBatch ?? 10 },
    // useBodyLimit enforces both limits (JSON and uploads) with its own messages; yoga's single one would pre-empt it.
    maxRequestBodySize: false,
    cors: corsOptions(owner, options.dev ?? false),
    context: async ({ request }) => {
      const principal = principalOf(request);
      return {
        tenant: principal.tenant,
        ids: await tenantIds(owner, principal.tenant),
        // Every resolver and loader reads through the tenant's scoped store: row-level security behind the filters.
        store: owner.forTenant(principal.tenant),
        principal,
        auth: { owner, secret },
        pubsub,
        classify: options.classify,
        models: options.models,
        work: requestWork(request),
      };
    },
    plugins: [
      // Before the plugins that may refuse a request early, so refusals are counted and logged as well.
      useMetrics({ expose: options.metrics ?? true }),
      options.logger ? useRequestLog({ logger: options.logger }) : {},
      // After the request log, so probes get their (debug) line too.
      useReadinessCheck({ endpoint: '/readyz', check: ({ fetchAPI }) => readiness(owner, options, fetchAPI) }),
      unexpected?.plugin ?? {},
      useCredentials({ store: owner, secret, dev: options.dev, devTenant: options.devTenant, endpoint: '/graphql' }),
      useRateLimit(options.rateLimit),
      useBodyLimit(options.body),
      useEmbedOperations(),
      useNoNul(),
      useScopes(),
      useOperationLimits(options.operationLimits),
      !introspection && useNoIntrospection(),
      useErrorCodes(),
    ],
  });
}

/** How long `/readyz` may take before it answers 503: a hung database must not hang the probe too. */
export const READY_TIMEOUT_MS = 5000;

/**
 * `/readyz`: the store answers `SELECT 1` within READY_TIMEOUT_MS, then `ready`. The 503's body says which failed in
 * two words; the real reason (the database's host among it) goes to the log at warn level. Readiness means "send me
 * requests": the store is essential, Redis is not (without it each instance counts rate limits alone and events stay
 * on their instance), so a Redis outage must not empty the load balancer: the 200's JSON body names each optional
 * dependency `ok` or `degraded`.
 */
async function readiness(owner: Store, options: AppOptions, fetchAPI: { Response: typeof Response }): Promise<Response> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${READY_TIMEOUT_MS / 1000} s`)), READY_TIMEOUT_MS);
    });
    await Promise.race([withQueryTimeout(READY_TIMEOUT_MS, () => owner.query('SELECT 1')), late]);
  } catch (err) {
    options.logger?.warn({ err: errorFacts(err) }, 'not ready: store unavailable');
    throw new Error('store unavailable');
  } finally {
    clearTimeout(timer);
  }
  await options.ready?.();
  const body: Record<string, string> = { store: 'ok' };
  for (const [name, probe] of Object.entries(options.optional ?? {})) body[name] = (await probe()) ? 'ok' : 'degraded';
  return new fetchAPI.Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
}
