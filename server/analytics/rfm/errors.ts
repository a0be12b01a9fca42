/** Errors of the RFM engine: a stable code for callers, a `rapport/rfm:` prefix for people. */

export type RfmErrorCode = 'INVALID_SEGMENT_MAP' | 'INVALID_OPTIONS' | 'INVALID_INPUT';

export class RfmError extends Error {
  readonly code: RfmErrorCode;

  constructor(code: RfmErrorCode, message: string) {
    super(`rapport/rfm: ${message}`);
    this.name = 'RfmError';
    this.code = code;
  }
}
