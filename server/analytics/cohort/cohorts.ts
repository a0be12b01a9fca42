/**
 * Acquisition cohorts (the seed paper's monthly cohort retention, generalized): customers grouped by the period of
 * their first valid order; for each cohort and each period k after acquisition (k = 0 the acquisition period):
 * RETENTION = share of the cohort with an order in period k (values[0] = 1); ACTIVE = how many; REVENUE = their
 * Σ monetary in period k; CUMULATIVE_REVENUE_PER_CUSTOMER = Σ revenue up to k / cohort size (a lifetime-value curve).
 *
 * Filters: a customer subset (mask and/or index list; a segment, a country, a community), and a date range.
 * `to` works like RFM's asOf (activity on its UTC day and later is ignored); `from` keeps the cohorts whose
 * period holds or follows from's day. Acquisition always comes from the customer's whole history, so a customer
 * who first bought before `from` is never counted as new. Values run to the last period with any activity in the
 * (date-limited) data, whatever the customer filter, so filtered curves share one horizon.
 */
import { MS_PER_DAY, type DailyActivity } from '../activity';
import { rowsByCustomer, selectCustomers, type CustomerFilter } from './customers';
import { CohortError } from './errors';
import { COHORT_PERIODS, isoDate, periodOfDay, periodStartDay, type CohortPeriod } from './periods';

export const COHORT_METRICS = ['RETENTION', 'ACTIVE', 'REVENUE', 'CUMULATIVE_REVENUE_PER_CUSTOMER'] as const;
export type CohortMetric = (typeof COHORT_METRICS)[number];

export interface CohortOptions extends CustomerFilter {
  /** @default 'MONTH' */
  period?: CohortPeriod;
  /** @default 'RETENTION' */
  metric?: CohortMetric;
  /** First cohort: the period holding this instant. */
  from?: Date | number;
  /** Activity before this instant's UTC day only. */
  to?: Date | number;
}

export const COHORT_DEFAULTS = { period: 'MONTH', metric: 'RETENTION' } as const satisfies CohortOptions;

export interface Cohort {
  /** First day of the acquisition period, `YYYY-MM-DD` (UTC). */
  start: string;
  /** The same, as days since 1970-01-01. */
  startDay: number;
  size: number;
  /** values[k] for period k after acquisition, up to the last period of the data. */
  values: number[];
}

export interface CohortResult {
  period: CohortPeriod;
  metric: CohortMetric;
  /** Cohorts with at least one customer, oldest first. */
  cohorts: Cohort[];
}

function dayOf(at: Date | number, what: string): number {
  const ms = typeof at === 'number' ? at : at.getTime();
  if (!Number.isFinite(ms)) throw new CohortError('INVALID_OPTIONS', `${what} is not a valid date`);
  return Math.floor(ms / MS_PER_DAY);
}

export function computeCohorts(activity: DailyActivity, options: CohortOptions = {}): CohortResult {
  const period = options.period ?? COHORT_DEFAULTS.period;
  const metric = options.metric ?? COHORT_DEFAULTS.metric;
  if (!COHORT_METRICS.includes(metric)) throw new CohortError('INVALID_OPTIONS', `unknown metric ${String(metric)}`);
  if (!COHORT_PERIODS.includes(period)) throw new CohortError('INVALID_OPTIONS', `unknown period ${String(period)}`);
  const n = activity.customerCount;
  const cutoffDay = options.to === undefined ? Infinity : dayOf(options.to, 'to');
  const { customer, day, monetary } = activity;
  const rows = customer.length;

  // First day per customer and the data's last day, over the counted rows.
  const firstDay = new Int32Array(n).fill(0x7fffffff);
  let lastDay = -Infinity;
  for (let i = 0; i < rows; i++) {
    const d = day[i]!;
    if (d >= cutoffDay) continue;
    if (d < firstDay[customer[i]!]!) firstDay[customer[i]!] = d;
    if (d > lastDay) lastDay = d;
  }
  if (lastDay === -Infinity) return { period, metric, cohorts: [] };
  const lastPeriod = periodOfDay(lastDay, period);
  const fromPeriod = options.from === undefined ? -Infinity : periodOfDay(dayOf(options.from, 'from'), period);

  // Cohort period per selected customer (-Infinity when left out), and the range of cohorts.
  const mask = selectCustomers(n, options);
  const cohortOf = new Float64Array(n).fill(-Infinity);
  let firstCohort = Infinity;
  for (let c = 0; c < n; c++) {
    if (!mask[c] || firstDay[c] === 0x7fffffff) continue;
    const p = periodOfDay(firstDay[c]!, period);
    if (p < fromPeriod) continue;
    cohortOf[c] = p;
    if (p < firstCohort) firstCohort = p;
  }
  if (firstCohort === Infinity) return { period, metric, cohorts: [] };

  // Flat triangle over the cohorts that have customers: cohort j (period firstCohort + j) has span - j cells from
  // row[j]. Periods without a cohort take no room, so one stray old order costs one long row, not span² cells.
  const span = lastPeriod - firstCohort + 1;
  const size = new Int32Array(span);
  for (let c = 0; c < n; c++) if (cohortOf[c]! > -Infinity) size[cohortOf[c]! - firstCohort]!++;
  const row = new Float64Array(span);
  let cells = 0;
  for (let j = 0; j < span; j++) {
    row[j] = cells;
    if (size[j]) cells += span - j;
  }
  const active = new Int32Array(cells);
  const revenue = new Float64Array(cells);
  // A customer counts once per period: `seen` remembers the last customer counted in each period.
  const seen = new Int32Array(span).fill(-1);
  const byCustomer = rowsByCustomer(customer, n);
  for (let c = 0; c < n; c++) {
    const p0 = cohortOf[c]!;
    if (p0 === -Infinity) continue;
    const j = p0 - firstCohort;
    for (let at = byCustomer.start[c]!; at < byCustomer.start[c + 1]!; at++) {
      const i = byCustomer.rows[at]!;
      if (day[i]! >= cutoffDay) continue;
      const k = periodOfDay(day[i]!, period) - p0;
      revenue[row[j]! + k]! += monetary[i]!;
      if (seen[j + k] !== c) {
        seen[j + k] = c;
        active[row[j]! + k]!++;
      }
    }
  }

  const cohorts: Cohort[] = [];
  for (let j = 0; j < span; j++) {
    if (size[j] === 0) continue;
    const startDay = periodStartDay(firstCohort + j, period);
    const values: number[] = [];
    let cumulative = 0;
    for (let k = 0; k < span - j; k++) {
      const cell = row[j]! + k;
      cumulative += revenue[cell]!;
      if (metric === 'RETENTION') values.push(active[cell]! / size[j]!);
      else if (metric === 'ACTIVE') values.push(active[cell]!);
      else if (metric === 'REVENUE') values.push(revenue[cell]!);
      else values.push(cumulative / size[j]!);
    }
    cohorts.push({ start: isoDate(startDay), startDay, size: size[j]!, values });
  }
  return { period, metric, cohorts };
}
