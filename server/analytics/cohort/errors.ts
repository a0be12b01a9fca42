/** Errors of the cohort engine: a stable code for callers, a `rapport/cohort:` prefix for people. */

export type CohortErrorCode = 'INVALID_OPTIONS';

export class CohortError extends Error {
  readonly code: CohortErrorCode;

  constructor(code: CohortErrorCode, message: string) {
    super(`rapport/cohort: ${message}`);
    this.name = 'CohortError';
    this.code = code;
  }
}
