import type { ParsedRow, RecordKind, RecordOf } from '../types';
import type { Head } from './head';
import type { LineBatch } from './lines';

export const FORMAT_NAMES = ['online-retail', 'cdnow', 'airline-tweets', 'edgelist', 'csv', 'jsonl'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export function isFormatName(value: string): value is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(value);
}

export interface ReaderOptions {
  /**
   * Relationship kind for formats that do not state one (edge lists, csv/jsonl rows without `kind`).
   * @default 'follows'
   */
  kindOption?: string;
}

export type AnyRecord = RecordOf[RecordKind];
export type AnyRow = ParsedRow<AnyRecord>;

/** One file format: which kinds it holds, how to recognise it from the file's beginning, how to read it. */
export interface FormatReader {
  readonly name: FormatName;
  readonly kinds: readonly RecordKind[];
  /** Why the file's beginning is not this format (a phrase, e.g. `its header lacks InvoiceNo`), or null if it fits. */
  misfit(head: Head, kind: RecordKind): string | null;
  /** Whether the beginning of a complete (fully sniffed) file holds at least one data row beyond any header. */
  hasRows(head: Head): boolean;
  read(lines: AsyncIterable<LineBatch>, kind: RecordKind, options: ReaderOptions): AsyncIterable<AnyRow>;
}
