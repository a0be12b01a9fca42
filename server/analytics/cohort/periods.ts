/**
 * Calendar periods over days since 1970-01-01 UTC, as integer indices: ISO weeks (Monday start), months and
 * quarters. Civil dates by Howard Hinnant's `civil_from_days` / `days_from_civil` (proleptic Gregorian), so no
 * Date objects are made per row.
 */

export const COHORT_PERIODS = ['WEEK', 'MONTH', 'QUARTER'] as const;
export type CohortPeriod = (typeof COHORT_PERIODS)[number];

/** [year, month 1..12, day 1..31] of a day number. */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** The day number of a civil date (month 1..12). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The index of the period holding `day`; consecutive periods have consecutive indices. */
export function periodOfDay(day: number, period: CohortPeriod): number {
  if (period === 'WEEK') return Math.floor((day + 3) / 7); // day 0 is a Thursday; day -3 a Monday
  const [y, m] = civilFromDays(day);
  return period === 'MONTH' ? y * 12 + (m - 1) : y * 4 + Math.floor((m - 1) / 3);
}

/** The first day of period `index`. */
export function periodStartDay(index: number, period: CohortPeriod): number {
  if (period === 'WEEK') return index * 7 - 3;
  if (period === 'MONTH') return daysFromCivil(Math.floor(index / 12), (index - Math.floor(index / 12) * 12) + 1, 1);
  return daysFromCivil(Math.floor(index / 4), (index - Math.floor(index / 4) * 4) * 3 + 1, 1);
}

/** `YYYY-MM-DD` of a day number. */
export function isoDate(day: number): string {
  const [y, m, d] = civilFromDays(day);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
