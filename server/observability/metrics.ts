/**
 * The server's Prometheus metrics, one registry per process. Counters are process-wide on purpose: Prometheus sums
 * instances, and in-process tests that build several apps read the same totals (they compare before and after).
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'rapport_' });

const dependencyProbes = new Map<string, () => Promise<boolean>>();

/** Optional dependencies (Redis): 1 while one answers, 0 while the instance works without it (degraded). */
export const dependencyUp = new Gauge({
  name: 'rapport_dependency_up',
  help: 'Whether an optional dependency answers (1) or this instance works without it, degraded (0), by dependency (redis).',
  labelNames: ['dependency'] as const,
  registers: [registry],
  async collect() {
    await Promise.all([...dependencyProbes].map(async ([dependency, probe]) => this.set({ dependency }, (await probe()) ? 1 : 0)));
  },
});

/** Reports `probe` (which must never reject) as `rapport_dependency_up{dependency=name}` at each scrape. */
export function watchDependency(name: string, probe: () => Promise<boolean>): void {
  dependencyProbes.set(name, probe);
}

export const requestsTotal = new Counter({
  name: 'rapport_graphql_requests_total',
  help: 'GraphQL HTTP requests by operation type (query, mutation, subscription, batch, none) and HTTP status.',
  labelNames: ['operation', 'status'] as const,
  registers: [registry],
});

export const requestDuration = new Histogram({
  name: 'rapport_graphql_request_duration_seconds',
  help: 'Time to the response head by operation type (a subscription: until its stream opens).',
  labelNames: ['operation'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [registry],
});

export const errorsTotal = new Counter({
  name: 'rapport_graphql_errors_total',
  help: 'GraphQL errors returned to clients, by extensions.code.',
  labelNames: ['code'] as const,
  registers: [registry],
});

export const streamOverflowsTotal = new Counter({
  name: 'rapport_stream_overflows_total',
  help: 'Subscription streams ended with STREAM_OVERFLOW (more than their backlog behind; the client resumes with addedAfter).',
  registers: [registry],
});

export const importRowsTotal = new Counter({
  name: 'rapport_import_rows_total',
  help: 'Rows written or refused by imports and write mutations, by kind and result (inserted, updated, rejected).',
  labelNames: ['kind', 'result'] as const,
  registers: [registry],
});

export const classifyCallsTotal = new Counter({
  name: 'rapport_classify_calls_total',
  help: 'Sentiment classification calls, by source (query: the classify field; import: interactions written without a label).',
  labelNames: ['source'] as const,
  registers: [registry],
});

export const classifyTextsTotal = new Counter({
  name: 'rapport_classify_texts_total',
  help: 'Texts classified, by source.',
  labelNames: ['source'] as const,
  registers: [registry],
});

export const analyticsEngineDuration = new Histogram({
  name: 'rapport_analytics_engine_seconds',
  help: 'Network engine runs (network build, communities, influence, roles, betweenness, evolution) from submission to result, waiting for a worker thread included, by engine.',
  labelNames: ['engine'] as const,
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  registers: [registry],
});

/** Counts one finished import or write mutation; refused imports count their bad rows only. */
export function recordImport(kind: string, counts: { inserted?: number; updated?: number; rejected?: number }): void {
  for (const result of ['inserted', 'updated', 'rejected'] as const) {
    const n = counts[result] ?? 0;
    if (n > 0) importRowsTotal.inc({ kind, result }, n);
  }
}

export function recordClassify(source: 'query' | 'import', texts: number): void {
  classifyCallsTotal.inc({ source });
  classifyTextsTotal.inc({ source }, texts);
}
