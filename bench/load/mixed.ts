import autocannon from 'autocannon';
import { mixedQueries } from './queries';

export interface MixedLoadResult {
  queries: string[];
  requestsPerSecond: number;
  total: number;
  seconds: number;
  latency: { p50: number; p90: number; p99: number; max: number };
  errors: { socket: number; timeouts: number; non2xx: number; graphql: number; total: number };
}

const post = async (url: string, query: string, variables?: unknown) =>
  (await (await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) })).json()) as any;

/** autocannon over the mixed read set; a 200 carrying GraphQL `errors` counts as an error too. */
export async function runMixedLoad(url: string, options: { connections: number; duration: number }): Promise<MixedLoadResult> {
  const customerId = (await post(url, '{ customers(first: 101) { edges { node { id } } } }')).data.customers.edges[100].node.id;
  const queries = mixedQueries(customerId);
  // Warm every query once, as on a running server: the first network and cohort build is a one-off cost.
  for (const q of queries) {
    const body = await post(url, q.query, q.variables);
    if (body.errors) throw new Error(`${q.name}: ${JSON.stringify(body.errors)}`);
  }
  let graphql = 0;
  const result = await autocannon({
    url: `${url}/graphql`,
    connections: options.connections,
    duration: options.duration,
    timeout: 30,
    requests: queries.map((q) => ({
      method: 'POST' as const,
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: q.query, variables: q.variables }),
      onResponse: (status: number, body: string) => {
        if (status === 200 && body.includes('"errors"')) graphql++;
      },
    })),
  });
  // autocannon counts a timeout among its errors as well: timeouts are reported apart, not twice.
  const socket = result.errors - result.timeouts;
  return {
    queries: queries.map((q) => q.name),
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    seconds: result.duration,
    latency: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    errors: { socket, timeouts: result.timeouts, non2xx: result.non2xx, graphql, total: socket + result.timeouts + result.non2xx + graphql },
  };
}
