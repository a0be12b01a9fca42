import type { Store } from '../store';
import { importRows, type ImportOptions, type ImportSummary } from './import-rows';
import { readRecords, type FormatName } from './read-records';
import type { RecordKind, Source } from './types';

export interface ImportSourceOptions extends Omit<ImportOptions, 'sourceName' | 'format'> {
  format?: FormatName;
  /** Relationship kind for edge lists. @default 'follows' */
  relationshipKind?: string;
  /** Called as bytes of the source are read, for progress. */
  onBytes?: (bytesRead: number) => void;
  /** See ReadRecordsOptions.maxInflatedBytes. */
  maxInflatedBytes?: number;
  /** See ReadRecordsOptions.formatAdvice. */
  formatAdvice?: string;
}

/** Reads a file (or upload) in any supported format and imports it: the one path the CLI and the API share. */
export async function importSource(
  store: Store,
  kind: RecordKind,
  source: Source,
  options: ImportSourceOptions,
): Promise<ImportSummary & { format: FormatName }> {
  const { format, rows } = await readRecords(source, kind, {
    format: options.format,
    onBytes: options.onBytes,
    kindOption: options.relationshipKind,
    maxInflatedBytes: options.maxInflatedBytes,
    formatAdvice: options.formatAdvice,
  });
  const summary = await importRows(store, kind, rows, { ...options, sourceName: source.name, format });
  return { ...summary, format };
}
