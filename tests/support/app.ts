import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../../server/app';
import type { ModelRegistry } from '../../server/sentiment/model-registry';
import { importClassifier } from '../../server/sentiment/import-classifier';
import type { Store } from '../../server/store';
import { memoryPubSub } from '../../server/pubsub';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
}

/** An in-process app over a store, and a helper to send GraphQL to it through yoga.fetch (no socket). */
export function testApp(store: Store, options: { tenant?: string; models?: ModelRegistry } = {}) {
  const pubsub = memoryPubSub();
  const { models } = options;
  const app = createApp({ store, dev: true, pubsub, models, classify: models && importClassifier(models) });
  const headers = { 'content-type': 'application/json', ...(options.tenant ? { 'x-rapport-tenant': options.tenant } : {}) };
  async function gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
    const response = await app.fetch('http://yoga/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    return (await response.json()) as GraphQLResponse<T>;
  }
  return { app, gql, pubsub };
}

/** For a describe block: opens a store and a `testApp` over it before its tests, closes the store after. */
export function useTestApp(open: () => Promise<Store>): { readonly store: Store; readonly api: ReturnType<typeof testApp> } {
  const suite = {} as { store: Store; api: ReturnType<typeof testApp> };
  beforeAll(async () => {
    suite.store = await open();
    suite.api = testApp(suite.store);
  });
  afterAll(() => suite.store?.close());
  return suite;
}
