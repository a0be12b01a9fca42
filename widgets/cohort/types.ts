export const PERIODS = ['WEEK', 'MONTH', 'QUARTER'] as const;
export const METRICS = ['RETENTION', 'ACTIVE', 'REVENUE', 'CUMULATIVE_REVENUE_PER_CUSTOMER'] as const;
export type CohortPeriod = (typeof PERIODS)[number];
export type CohortMetric = (typeof METRICS)[number];

/** One acquisition cohort: `values[k]` is the metric k periods after `start` (`values[0]` = 1 for retention). */
export interface Cohort {
  start: string;
  size: number;
  values: number[];
}

/** The `cohorts(period, metric)` result; hosts may pass the same shape as the `data` property. */
export interface CohortTable {
  cohorts: Cohort[];
}

/** Detail of `rapport-cohort-select`. */
export interface CohortSelectDetail {
  /** The cohort's `start` exactly as the API gave it. */
  cohort: string;
  /** Periods since acquisition (the column index k). */
  period: number;
  value: number;
}
