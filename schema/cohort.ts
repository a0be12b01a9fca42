import { COHORT_DEFAULTS, COHORT_METRICS, COHORT_PERIODS, type Cohort, type CohortResult } from '../server/analytics/cohort';
import { tenantCohorts } from '../server/analytics-service';
import { analytics, snapshotOf } from './analytics';
import { builder } from './builder';

const CohortPeriodEnum = builder.enumType('CohortPeriod', { values: COHORT_PERIODS });
const CohortMetricEnum = builder.enumType('CohortMetric', {
  values: COHORT_METRICS,
  description: 'RETENTION: share of the cohort with an order in period k; ACTIVE: how many; REVENUE: their Σ amount in period k; ' +
    'CUMULATIVE_REVENUE_PER_CUSTOMER: revenue through period k ÷ cohort size.',
});

const CohortRef = builder.objectRef<Cohort>('Cohort').implement({
  description: 'Customers acquired (first counted order) in one period.',
  fields: (t) => ({
    start: t.exposeString('start', { description: 'First day of the acquisition period, YYYY-MM-DD (UTC).' }),
    size: t.exposeInt('size'),
    values: t.exposeFloatList('values', { description: 'values[k]: the metric k periods after acquisition, to the data\'s last period.' }),
  }),
});

const CohortTable = builder.objectRef<CohortResult>('CohortTable').implement({
  fields: (t) => ({
    period: t.field({ type: CohortPeriodEnum, resolve: (r) => r.period }),
    metric: t.field({ type: CohortMetricEnum, resolve: (r) => r.metric }),
    cohorts: t.field({ type: [CohortRef], description: 'Oldest first; cohorts with no customer left out.', resolve: (r) => r.cohorts }),
  }),
});

builder.queryFields((t) => ({
  cohorts: t.field({
    type: CohortTable,
    args: {
      period: t.arg({ type: CohortPeriodEnum, defaultValue: COHORT_DEFAULTS.period }),
      metric: t.arg({ type: CohortMetricEnum, defaultValue: COHORT_DEFAULTS.metric }),
      from: t.arg({ type: 'DateTime', description: 'First cohort: the period holding this instant.' }),
      to: t.arg({ type: 'DateTime', description: 'Only activity on UTC days before this instant\'s day counts (as rfm\'s asOf).' }),
      segment: t.arg.string({ description: 'Only customers now in this RFM segment of `segmentMap`.' }),
      segmentMap: t.arg.string({ description: 'The map `segment` names a segment of. Default: `default`.' }),
      country: t.arg.string({ description: 'Only customers of this country (case-insensitive).' }),
    },
    resolve: (_root, args, ctx) => analytics(async () => tenantCohorts(await snapshotOf(ctx), args)),
  }),
}));
