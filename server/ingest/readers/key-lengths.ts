/**
 * Ids and invoice numbers are keys of B-tree indexes, and an index entry holds at most a few kilobytes: a longer key
 * fails the whole import with a database error. Every reader's rows pass through here, so an over-long key is a row
 * error like any other (`file:line:column`, skipped with --skip-invalid).
 */
import type { ParsedRow } from '../types';
import { flatten, inBatches, type BatchedRows } from './flatten';

/** Characters an id or invoice number may have. */
export const MAX_KEY_LENGTH = 256;

type Keys = Partial<Record<'externalId' | 'customerExternalId' | 'sourceExternalId' | 'targetExternalId' | 'invoice', unknown>>;

const tooLong = (value: unknown) => typeof value === 'string' && value.length > MAX_KEY_LENGTH;

/** The first key of a record that is too long, or null. Named reads, not a loop over names: this runs once per row. */
function longKey(r: Keys): keyof Keys | null {
  if (tooLong(r.externalId)) return 'externalId';
  if (tooLong(r.customerExternalId)) return 'customerExternalId';
  if (tooLong(r.sourceExternalId)) return 'sourceExternalId';
  if (tooLong(r.targetExternalId)) return 'targetExternalId';
  if (tooLong(r.invoice)) return 'invoice';
  return null;
}

function checked<R>(row: ParsedRow<R>): ParsedRow<R> {
  if (!('record' in row)) return row;
  const key = longKey(row.record as Keys);
  if (key === null) return row;
  const value = (row.record as Keys)[key] as string;
  const message = `${key} is ${value.length} characters long; ids and invoice numbers hold at most ${MAX_KEY_LENGTH}`;
  return { line: row.line, error: { line: row.line, column: 1, message, field: key } };
}

export function checkKeyLengths<R>(rows: AsyncIterable<ParsedRow<R>>): BatchedRows<ParsedRow<R>> {
  return flatten(
    (async function* () {
      for await (const batch of inBatches(rows)) yield batch.map(checked);
    })(),
  );
}
