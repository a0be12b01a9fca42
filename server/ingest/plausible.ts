/**
 * What a value may be before it is stored, for every writer (the readers and the write mutations): bounds that no
 * real order, interaction or tie crosses, and that keep one mistyped or placeholder value (`9999-12-31`, `1e300`)
 * from breaking a tenant's analytics — RFM's reference day is the latest order, cohorts span the earliest to the
 * latest, and sums of squares must stay finite.
 */

const DAY = 86_400_000;

/** Times before this are refused: no CRM record is older, and years below 100 are misread by most date code. */
export const EARLIEST_TIME = Date.UTC(1900, 0, 1);

/** A time may be this far past the clock (time zones, clocks a little off); later is a placeholder or a typo. */
export const FUTURE_SLACK = DAY;

/** Largest magnitude of a quantity, a price, an amount or a weight. */
export const LARGEST_NUMBER = 1e12;

/** Why `ms` cannot be a record's time, to finish a sentence such as `ordered_at "…" …`, or null when it can. */
export function timeProblem(ms: number, now = Date.now()): string | null {
  if (ms < EARLIEST_TIME) return 'is before 1900';
  if (ms > now + FUTURE_SLACK) return 'is in the future';
  return null;
}

/** Why `n` cannot be stored as a quantity, price, amount or weight, or null when it can. */
export function numberProblem(n: number): string | null {
  if (!Number.isFinite(n)) return 'is not a finite number';
  if (Math.abs(n) > LARGEST_NUMBER) return 'is too large (at most 1,000,000,000,000 either way)';
  return null;
}
