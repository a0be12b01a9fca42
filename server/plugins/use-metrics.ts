import type { Plugin } from 'graphql-yoga';
import { errorsTotal, registry, requestDuration, requestsTotal } from '../observability/metrics';
import { factsOf, noteErrorResponse, noteOperation, noteResult, startFacts } from '../observability/request-facts';

export interface MetricsOptions {
  /** Serve the Prometheus text at `endpoint`; counting goes on either way. @default true */
  expose?: boolean;
  /** @default '/metrics' */
  endpoint?: string;
  /** The requests counted. @default '/graphql' */
  graphqlEndpoint?: string;
}

/**
 * Prometheus metrics: GraphQL requests by operation type and status, their latency, and errors by code. The
 * endpoint needs no tenant credentials (it shows no tenant data): keep it off the public route at the proxy, or
 * turn it off with `--no-metrics`. Must come before plugins that may answer early (credentials, rate limit), so
 * their refusals are counted too.
 */
export function useMetrics(options: MetricsOptions = {}): Plugin {
  const endpoint = options.endpoint ?? '/metrics';
  const graphql = options.graphqlEndpoint ?? '/graphql';
  return {
    async onRequest({ request, url, fetchAPI, endResponse }) {
      if (url.pathname === graphql) return void startFacts(request);
      if (url.pathname !== endpoint || options.expose === false) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return endResponse(new fetchAPI.Response('Method not allowed.\n', { status: 405, headers: { allow: 'GET, HEAD' } }));
      }
      endResponse(new fetchAPI.Response(await registry.metrics(), { headers: { 'content-type': registry.contentType } }));
    },
    onExecute: ({ args }) => noteOperation(args),
    onSubscribe: ({ args }) => noteOperation(args),
    onResultProcess: ({ request, result }) => noteResult(request, result),
    async onResponse({ request, response }) {
      const f = factsOf(request);
      if (!f) return;
      await noteErrorResponse(request, response);
      const operation = f.operation ?? 'none';
      requestsTotal.inc({ operation, status: String(response.status) });
      requestDuration.observe({ operation }, (performance.now() - f.started) / 1000);
      for (const code of f.errorCodes) errorsTotal.inc({ code });
    },
  };
}
