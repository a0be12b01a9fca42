import { CsvError, parse } from 'csv-parse/sync';
import type { RowError } from '../types';

/** csv-parse for the records that hold quotes (see CsvSplitter), with its errors turned into plain words. */

/**
 * Parses the quoted records of a batch with csv-parse in one call: csv-parse's setup costs ~45 µs, more than
 * parsing a record. If any record is bad, each is parsed alone so every error lands on its own line.
 */
export function parseQuotedBatch(texts: readonly string[], lines: readonly number[]): (string[] | RowError)[] {
  if (texts.length > 1) {
    try {
      const records = parse(texts.join('\n'), { relax_column_count: true, skip_empty_lines: false }) as string[][];
      if (records.length === texts.length) return records;
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
    }
  }
  return texts.map((text, i) => parseQuoted(text, lines[i]!));
}

/** Parses the text of one record with csv-parse. */
export function parseQuoted(text: string, line: number): string[] | RowError {
  try {
    const records = parse(text, { relax_column_count: true, skip_empty_lines: false }) as string[][];
    if (records.length === 1) return records[0]!;
    return { line, column: 1, message: 'the line does not hold exactly one record' };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return { line, ...describe(error) };
  }
}

function describe(error: CsvError): { column: number; message: string } {
  const field = typeof error.column === 'number' ? error.column + 1 : 1;
  switch (error.code) {
    case 'CSV_INVALID_CLOSING_QUOTE':
      return { column: field, message: `field ${field} has text after its closing quote; write a quote inside a quoted field as ""` };
    case 'INVALID_OPENING_QUOTE':
      return { column: field, message: `field ${field} has a quote inside an unquoted value; quote the whole field and write the quote as ""` };
    case 'CSV_QUOTE_NOT_CLOSED':
      return { column: field, message: `field ${field} opens a quote that is never closed` };
    default:
      return { column: field, message: error.message };
  }
}
