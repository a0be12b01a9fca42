/** Errors of the analytics service a caller can fix: a stable code, and a `rapport/analytics:` prefix for people. */

export type AnalyticsErrorCode = 'UNKNOWN_SEGMENT_MAP' | 'UNKNOWN_SEGMENT' | 'INVALID_SEGMENT_MAP' | 'INVALID_OPTIONS';

export class AnalyticsError extends Error {
  readonly code: AnalyticsErrorCode;

  constructor(code: AnalyticsErrorCode, message: string) {
    super(`rapport/analytics: ${message}`);
    this.name = 'AnalyticsError';
    this.code = code;
  }
}
