import { METRICS, PERIODS } from './types.js';
import type { CohortMetric, CohortPeriod } from './types.js';

/** Enum values are checked against the spec's lists and inlined, so the query needs no enum type names. */
export function cohortsQuery(period: CohortPeriod, metric: CohortMetric): string {
  if (!PERIODS.includes(period)) throw new Error(`rapport/cohort-heatmap: unknown period "${period}"`);
  if (!METRICS.includes(metric)) throw new Error(`rapport/cohort-heatmap: unknown metric "${metric}"`);
  return `query RapportCohortHeatmap { cohorts(period: ${period}, metric: ${metric}) { cohorts { start size values } } }`;
}

/** Attribute value → enum value (`month` and `MONTH` both work); unknown values fall back to the default. */
export function normalize<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  const upper = (value ?? '').trim().toUpperCase().replace(/-/g, '_') as T;
  return allowed.includes(upper) ? upper : fallback;
}
