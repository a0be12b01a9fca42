import type { Formatters } from '../kit/format.js';
import type { CohortMetric, CohortPeriod } from './types.js';

export const METRIC_LABELS: Record<CohortMetric, string> = {
  RETENTION: 'Retention',
  ACTIVE: 'Active customers',
  REVENUE: 'Revenue',
  CUMULATIVE_REVENUE_PER_CUSTOMER: 'Cumulative revenue per customer',
};

export const PERIOD_UNITS: Record<CohortPeriod, [one: string, many: string]> = {
  WEEK: ['week', 'weeks'],
  MONTH: ['month', 'months'],
  QUARTER: ['quarter', 'quarters'],
};

/** Row label for a cohort start, in the period's own terms. */
export function cohortLabel(start: string, period: CohortPeriod, f: Formatters): string {
  if (period === 'MONTH') return f.monthYear(start);
  if (period === 'WEEK') return `Week of ${f.date(start)}`;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(start) ? `${start}T00:00:00Z` : start);
  return Number.isNaN(d.getTime()) ? start : `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${d.getUTCFullYear()}`;
}

/** How a value of the metric reads in a cell (short) and in a sentence (precise). */
export function metricFormat(metric: CohortMetric, f: Formatters): { cell: (v: number) => string; full: (v: number) => string } {
  switch (metric) {
    case 'RETENTION':
      return { cell: f.percentShort, full: f.percent };
    case 'ACTIVE':
      return { cell: f.integer, full: f.integer };
    default:
      return { cell: f.compact, full: (v) => f.decimal(v, 2) };
  }
}
