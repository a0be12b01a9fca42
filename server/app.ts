import type { IncomingMessage } from 'node:http';
import { createPubSub, createYoga, useReadinessCheck, type YogaServerInstance } from 'graphql-yoga';
import { schema, type Context, type RapportEvents } from '../schema';
import type { Classifier } from './ingest/load/interactions';
import { resolveTenant, type TenantOptions } from './plugins/use-tenant';
import type { Store } from './store';

export interface AppOptions extends TenantOptions {
  store: Store;
  classify?: Classifier;
  pubsub?: Context['pubsub'];
  /** Largest request body, uploads included. @default 200 MiB */
  maxBodyBytes?: number;
}

type ServerContext = { req?: IncomingMessage };

export type RapportApp = YogaServerInstance<ServerContext, Context>;

/** The GraphQL application: yoga, its context and its plugins. Transport (HTTP, static files) lives elsewhere. */
export function createApp(options: AppOptions): RapportApp {
  const pubsub = options.pubsub ?? createPubSub<RapportEvents>();
  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/healthz',
    landingPage: false,
    graphiql: { title: 'Rapport GraphQL' },
    maskedErrors: true,
    logging: false,
    context: ({ request, req }) => ({
      tenant: resolveTenant(request, req, options),
      store: options.store,
      pubsub,
      classify: options.classify,
    }),
    plugins: [
      useReadinessCheck({
        endpoint: '/readyz',
        check: async () => {
          await options.store.query('SELECT 1');
        },
      }),
    ],
  });
}
