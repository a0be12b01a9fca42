import type { ParsedRow, RowError } from '../types';
import { FieldError } from './field-error';

/**
 * The contract between row drivers (`csv-rows`, `token-rows`, `json-rows`) and a format's mapper: a mapper turns
 * one row into a record, several, or null for none, and throws FieldError for a bad field; the driver turns that
 * into the row's error, so no reader ever throws on data. Drivers yield one array of rows per line batch, and
 * `flatten` hands them out one by one.
 */
export type Mapped<R> = R | readonly R[] | null;

/** Runs a mapper on one row, appending its rows to `out` (kept out of the generators so they stay optimisable). */
export function applyMapper<F, R>(map: (fields: F, line: number) => Mapped<R>, fields: F, line: number, out: ParsedRow<R>[]): void {
  let mapped: Mapped<R>;
  try {
    mapped = map(fields, line);
  } catch (error) {
    if (!(error instanceof FieldError)) throw error;
    out.push({ line, error: { line, column: error.column, message: error.message, ...(error.field !== undefined && { field: error.field }) } });
    return;
  }
  if (mapped === null) return;
  if (Array.isArray(mapped)) for (const record of mapped as readonly R[]) out.push({ line, record });
  else out.push({ line, record: mapped as R });
}

export function widthError(line: number, expected: number, found: number): RowError {
  return {
    line,
    // The first field that is missing, or the first one too many.
    column: Math.min(expected, found) + 1,
    message: `expected ${expected} fields but found ${found}`,
  };
}
