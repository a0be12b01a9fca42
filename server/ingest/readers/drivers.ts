import type { ParsedRow, RowError } from '../types';
import { CsvSplitter, parseQuotedBatch } from './csv-splitter';
import { FieldError } from './field-error';
import { flatten } from './flatten';
import { tokens } from './head';
import type { LineBatch } from './lines';

/**
 * Row drivers: they walk line batches (yielding one array of rows per batch, flattened at the end), cut rows (CSV records, whitespace tokens or JSON objects), and hand each
 * to a format's mapper. A mapper returns a record, several, or null for none, and throws FieldError for a bad
 * field; the driver turns that into the row's error so no reader ever throws on data.
 */
export type Mapped<R> = R | readonly R[] | null;

/** Reads a CSV with a header line; `start` builds the row mapper from the header's fields. */
export function csvRows<R>(
  batches: AsyncIterable<LineBatch>,
  start: (header: string[]) => (fields: string[], line: number) => Mapped<R>,
): AsyncIterable<ParsedRow<R>> {
  return flatten(csvBatches(batches, start));
}

async function* csvBatches<R>(
  batches: AsyncIterable<LineBatch>,
  start: (header: string[]) => (fields: string[], line: number) => Mapped<R>,
): AsyncGenerator<ParsedRow<R>[]> {
  const splitter = new CsvSplitter();
  let map: ((fields: string[], line: number) => Mapped<R>) | null = null;
  let width = 0;
  for await (const { first, lines, invalid } of batches) {
    // Cut the batch into records first, so its quoted records go to csv-parse in a single call.
    const records: (string[] | RowError | number)[] = [];
    const starts: number[] = [];
    const quoted: string[] = [];
    const quotedStarts: number[] = [];
    for (let i = 0; i < lines.length; i++) {
      const result = splitter.feed(lines[i]!, first + i, invalid?.get(i));
      if (result === null) continue;
      if (typeof result === 'string') {
        records.push(quoted.length);
        quoted.push(result);
        quotedStarts.push(splitter.line);
      } else records.push(result);
      starts.push(splitter.line);
    }
    const parsed = quoted.length === 0 ? [] : parseQuotedBatch(quoted, quotedStarts);
    const out: ParsedRow<R>[] = [];
    for (let r = 0; r < records.length; r++) {
      const slot = records[r]!;
      const result = typeof slot === 'number' ? parsed[slot]! : slot;
      const line = starts[r]!;
      if (!Array.isArray(result)) {
        out.push({ line, error: result });
        if (map === null) {
          yield out; // without a readable header no row can be read
          return;
        }
      } else if (map === null) {
        map = start(result);
        width = result.length;
      } else if (result.length !== width) {
        out.push({ line, error: widthError(line, width, result.length) });
      } else {
        apply(map, result, line, out);
      }
    }
    yield out;
  }
  const error = splitter.end();
  if (error) yield [{ line: error.line, error }];
}

/** Reads whitespace-separated lines, skipping blank lines and lines starting with `#`. */
export function tokenRows<R>(
  batches: AsyncIterable<LineBatch>,
  map: (fields: string[], line: number) => Mapped<R>,
): AsyncIterable<ParsedRow<R>> {
  return flatten(tokenBatches(batches, map));
}

async function* tokenBatches<R>(
  batches: AsyncIterable<LineBatch>,
  map: (fields: string[], line: number) => Mapped<R>,
): AsyncGenerator<ParsedRow<R>[]> {
  for await (const { first, lines, invalid } of batches) {
    const out: ParsedRow<R>[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = first + i;
      const bad = invalid?.get(i);
      if (bad) {
        out.push({ line, error: bad });
        continue;
      }
      const fields = tokens(lines[i]!);
      if (fields.length === 0 || fields[0]!.startsWith('#')) continue;
      apply(map, fields, line, out);
    }
    yield out;
  }
}

/** Reads one JSON object per line, skipping blank lines. */
export function jsonRows<R>(
  batches: AsyncIterable<LineBatch>,
  map: (object: Record<string, unknown>, line: number) => Mapped<R>,
): AsyncIterable<ParsedRow<R>> {
  return flatten(jsonBatches(batches, map));
}

async function* jsonBatches<R>(
  batches: AsyncIterable<LineBatch>,
  map: (object: Record<string, unknown>, line: number) => Mapped<R>,
): AsyncGenerator<ParsedRow<R>[]> {
  for await (const { first, lines, invalid } of batches) {
    const out: ParsedRow<R>[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = first + i;
      const bad = invalid?.get(i);
      if (bad) {
        out.push({ line, error: bad });
        continue;
      }
      const text = lines[i]!;
      if (text.trim() === '') continue;
      const value = parseJson(text, line);
      if ('error' in value) out.push({ line, error: value.error });
      else apply(map, value.object, line, out);
    }
    yield out;
  }
}

function parseJson(text: string, line: number): { object: Record<string, unknown> } | { error: RowError } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: jsonError(line, text, error) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { error: { line, column: 1, message: 'the line is not a JSON object' } };
  }
  return { object: value as Record<string, unknown> };
}

/** Runs a mapper on one row, appending its rows to `out` (kept out of the generators so they stay optimisable). */
function apply<F, R>(map: (fields: F, line: number) => Mapped<R>, fields: F, line: number, out: ParsedRow<R>[]): void {
  let mapped: Mapped<R>;
  try {
    mapped = map(fields, line);
  } catch (error) {
    if (!(error instanceof FieldError)) throw error;
    out.push({ line, error: { line, column: error.column, message: error.message } });
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

function jsonError(line: number, text: string, error: unknown): RowError {
  const detail = error instanceof Error ? error.message : String(error);
  const at = /position (\d+)/.exec(detail);
  const column = at ? [...text.slice(0, Number(at[1]))].length + 1 : 1;
  return { line, column, message: `the line is not valid JSON (${detail.replace(/ in JSON at position \d+.*$/, '')})` };
}
