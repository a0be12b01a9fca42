import type { Store } from '../store';
import { importRows, type ImportOptions, type ImportSummary } from './import-rows';
import { readRecords, type FormatName } from './read-records';
import { filePath } from './source';
import type { RecordKind, Source } from './types';
import { openOrdersWorker } from './worker/orders-in-worker';

export interface ImportSourceOptions extends Omit<ImportOptions, 'sourceName' | 'format'> {
  format?: FormatName;
  /** Relationship kind for edge lists. @default 'follows' */
  relationshipKind?: string;
  /** Called as bytes of the source are read, for progress. */
  onBytes?: (bytesRead: number) => void;
  /**
   * Read, parse and format order files on a worker thread, so that work overlaps the PostgreSQL backend's. Only
   * for files on disk; uploads are read here. Off on PGlite, where it measured slower (docs/ingestion.md).
   * @default store.kind === 'postgres'
   */
  worker?: boolean;
}

/** Reads a file (or upload) in any supported format and imports it: the one path the CLI and the API share. */
export async function importSource(
  store: Store,
  kind: RecordKind,
  source: Source,
  options: ImportSourceOptions,
): Promise<ImportSummary & { format: FormatName }> {
  const path = filePath(source);
  if (kind === 'orders' && path !== undefined && (options.worker ?? store.kind === 'postgres')) {
    const orders = await openOrdersWorker({ path, format: options.format, kindOption: options.relationshipKind }, options.onBytes);
    try {
      const summary = await importRows(store, 'orders', orders, { ...options, sourceName: source.name, format: orders.format });
      return { ...summary, format: orders.format };
    } finally {
      await orders.close();
    }
  }
  const { format, rows } = await readRecords(source, kind, {
    format: options.format,
    onBytes: options.onBytes,
    kindOption: options.relationshipKind,
  });
  const summary = await importRows(store, kind, rows, { ...options, sourceName: source.name, format });
  return { ...summary, format };
}
