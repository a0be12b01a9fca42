/**
 * Ids and invoice numbers are keys of B-tree indexes, and an index entry holds at most a few kilobytes: a longer key
 * fails the whole import with a database error. Every reader's rows pass through here, so an over-long key is a row
 * error like any other (`file:line:column`, skipped with --skip-invalid).
 */
import type { ParsedRow } from '../types';
import { flatten, inBatches, type BatchedRows } from './flatten';

/** Characters an id or invoice number may have. */
export const MAX_KEY_LENGTH = 256;

const KEYS = ['externalId', 'customerExternalId', 'sourceExternalId', 'targetExternalId', 'invoice'] as const;

function checked<R>(row: ParsedRow<R>): ParsedRow<R> {
  if (!('record' in row)) return row;
  const record = row.record as Partial<Record<(typeof KEYS)[number], unknown>>;
  for (const key of KEYS) {
    const value = record[key];
    if (typeof value === 'string' && value.length > MAX_KEY_LENGTH) {
      const message = `${key} is ${value.length} characters long; ids and invoice numbers hold at most ${MAX_KEY_LENGTH}`;
      return { line: row.line, error: { line: row.line, column: 1, message, field: key } };
    }
  }
  return row;
}

export function checkKeyLengths<R>(rows: AsyncIterable<ParsedRow<R>>): BatchedRows<ParsedRow<R>> {
  return flatten(
    (async function* () {
      for await (const batch of inBatches(rows)) yield batch.map(checked);
    })(),
  );
}
