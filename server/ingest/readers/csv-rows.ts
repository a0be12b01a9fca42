import type { ParsedRow, RowError } from '../types';
import { CsvSplitter } from './csv-splitter';
import { parseQuotedBatch } from './csv-quoted';
import { flatten } from './flatten';
import type { LineBatch } from './lines';
import { applyMapper, widthError, type Mapped } from './map-row';

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
        applyMapper(map, result, line, out);
      }
    }
    yield out;
  }
  const error = splitter.end();
  if (error) yield [{ line: error.line, error }];
}
