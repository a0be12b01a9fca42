export { CohortError, type CohortErrorCode } from './errors';
export {
  civilFromDays,
  COHORT_PERIODS,
  daysFromCivil,
  isoDate,
  periodOfDay,
  periodStartDay,
  type CohortPeriod,
} from './periods';
export { rowsByCustomer, selectCustomers, type CustomerFilter } from './customers';
export {
  COHORT_DEFAULTS,
  COHORT_METRICS,
  computeCohorts,
  type Cohort,
  type CohortMetric,
  type CohortOptions,
  type CohortResult,
} from './cohorts';
