/**
 * File-level import failures: the file cannot be read as the asked kind at all. Row-level problems are never
 * thrown; readers yield them as `RowError`s so the caller can abort or skip.
 */

export const IMPORT_ERROR_CODES = [
  'FILE_NOT_FOUND',
  'EMPTY_FILE',
  'BINARY_FILE',
  'UNKNOWN_FORMAT',
  'FORMAT_MISMATCH',
  'NOT_A_FILE',
  'BAD_OPTION',
  'FILE_TOO_LARGE',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

/** A file Rapport cannot import. `message` is one plain sentence naming the file, fit to show a user as is. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  readonly code: ImportErrorCode;

  constructor(code: ImportErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export function isImportError(value: unknown): value is ImportError {
  return value instanceof ImportError;
}
